using System.Text.Json.Serialization;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>Arguments of the captured <c>getWeatherByCity_001</c> tool.</summary>
public sealed record WeatherArgs(string City, string State);

/// <summary>Arguments of the written <c>book_appointment</c> tool.</summary>
public sealed record BookingArgs(string Date, string Time, string Service, string PatientName);

/// <summary>Source-generated metadata for binding tool arguments, as an application would write it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WeatherArgs))]
[JsonSerializable(typeof(BookingArgs))]
public sealed partial class TestArgumentsContext : JsonSerializerContext
{
}
