using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.SampleHost.Tools;

/// <summary>Source-generated JSON metadata for the tools' arguments: binding stays trim and AOT safe, without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FindFreeSlotsArgs))]
[JsonSerializable(typeof(BookAppointmentArgs))]
[JsonSerializable(typeof(CancelAppointmentArgs))]
[JsonSerializable(typeof(LookUpAppointmentArgs))]
[JsonSerializable(typeof(SendConfirmationArgs))]
public sealed partial class ClinicToolsJsonContext : JsonSerializerContext;
