using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Transfer to a SIP URI (<c>type: sip</c>).</summary>
public sealed class SipTransferDestination : TransferDestination
{
    /// <summary>Creates a SIP destination.</summary>
    public SipTransferDestination() => Type = "sip";

    /// <summary>The SIP URI, for example <c>sip:desk@example.com</c>.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; set; }

    /// <summary>The caller id to present.</summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; set; }

    /// <summary>Extra SIP headers, as sent.</summary>
    [JsonPropertyName("sipHeaders")]
    public JsonElement? SipHeaders { get; set; }

    /// <summary>How the transfer happens, as sent.</summary>
    [JsonPropertyName("transferPlan")]
    public JsonElement? TransferPlan { get; set; }
}
