using System.Net;

namespace VapiWebhooks.Security;

/// <summary>
/// A set of source networks allowed to call the webhook. This is defence in depth next to the credential, never a
/// replacement. The host decides which client address to trust (for example after forwarded headers from known proxies).
/// </summary>
public sealed class VapiNetworkAllowList
{
    /// <summary>Vapi's published static egress range.</summary>
    public const string VapiEgressRange = "167.150.224.0/23";

    /// <summary>The name that stands for <see cref="VapiEgressRange"/> in configuration (matched case-insensitively).</summary>
    public const string VapiEgressName = "VapiEgress";

    private readonly IPNetwork[] _networks;

    /// <summary>Creates an allow-list of <paramref name="networks"/>.</summary>
    /// <param name="networks">The allowed networks.</param>
    public VapiNetworkAllowList(IEnumerable<IPNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _networks = [.. networks.Select(Normalize)];
    }

    /// <summary>An allow-list of Vapi's static egress range only.</summary>
    public static VapiNetworkAllowList VapiEgress { get; } = new([IPNetwork.Parse(VapiEgressRange)]);

    /// <summary>The allowed networks.</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>Whether the list is empty (and so, by the convention of <see cref="VapiAuthenticationOptions.AllowedNetworks"/>, nothing is restricted).</summary>
    public bool IsEmpty => _networks.Length == 0;

    /// <summary>
    /// Parses CIDR ranges (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>), single addresses and the name <c>VapiEgress</c>.
    /// </summary>
    /// <param name="networks">The entries to parse.</param>
    /// <exception cref="FormatException">An entry is not a network; the message names it.</exception>
    public static VapiNetworkAllowList Parse(IEnumerable<string> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var parsed = new List<IPNetwork>();
        foreach (var entry in networks)
        {
            if (!TryParseNetwork(entry, out var network))
            {
                throw new FormatException($"'{entry}' is not a network: use CIDR notation with zero host bits such as \"{VapiEgressRange}\", a single address, or \"{VapiEgressName}\".");
            }

            parsed.Add(network);
        }

        return new VapiNetworkAllowList(parsed);
    }

    /// <summary>Whether <paramref name="address"/> is in one of the networks. IPv4-mapped IPv6 addresses (<c>::ffff:a.b.c.d</c>) match IPv4 networks.</summary>
    /// <param name="address">The client address the host trusts.</param>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ipv4 = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : null;
        foreach (var network in _networks)
        {
            if (network.Contains(address) || (ipv4 is not null && network.Contains(ipv4)))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _networks);

    /// <summary>Stores IPv4-mapped IPv6 networks (<c>::ffff:a.b.c.0/120</c>) as IPv4 networks so both address forms match.</summary>
    private static IPNetwork Normalize(IPNetwork network) =>
        network.BaseAddress.IsIPv4MappedToIPv6 && network.PrefixLength >= 96
            ? new IPNetwork(network.BaseAddress.MapToIPv4(), network.PrefixLength - 96)
            : network;

    internal static bool TryParseNetwork(string? entry, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        var text = entry.Trim();
        if (string.Equals(text, VapiEgressName, StringComparison.OrdinalIgnoreCase))
        {
            text = VapiEgressRange;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // IPNetwork silently clears host bits ("10.0.0.1/8" becomes 10.0.0.0/8); an entry like that is more
            // likely a mistyped single address than a deliberate /8, so it is refused.
            return IPNetwork.TryParse(text, out network)
                && IPAddress.TryParse(text.AsSpan(0, slash), out var written)
                && written.Equals(network.BaseAddress);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
