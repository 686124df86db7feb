using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// A minimal JWT bearer scheme (HS256 only) standing in for Microsoft.AspNetCore.Authentication.JwtBearer, whose
/// IdentityModel dependencies the package mirror of this machine does not hold. It checks what an OAuth2 resource
/// server must: the algorithm, the signature (constant time), expiry, not-before, issuer and audience.
/// </summary>
internal sealed class Hs256JwtBearerHandler(IOptionsMonitor<Hs256JwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<Hs256JwtBearerOptions>(options, logger, encoder)
{
    public const string SchemeName = "VapiOAuth2";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed token"));
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "HS256")
            {
                return Task.FromResult(AuthenticateResult.Fail("unexpected algorithm"));
            }

            var expected = HMACSHA256.HashData(Options.SigningKey, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return Task.FromResult(AuthenticateResult.Fail("bad signature"));
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var claims = payload.RootElement;
            var now = TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            if (!claims.TryGetProperty("exp", out var exp) || exp.GetInt64() <= now
                || (claims.TryGetProperty("nbf", out var nbf) && nbf.GetInt64() > now)
                || !claims.TryGetProperty("iss", out var iss) || iss.GetString() != Options.Issuer
                || !claims.TryGetProperty("aud", out var aud) || aud.GetString() != Options.Audience)
            {
                return Task.FromResult(AuthenticateResult.Fail("token not valid here or now"));
            }

            var identity = new ClaimsIdentity(
                claims.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => new Claim(p.Name, p.Value.GetString()!)),
                SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed token"));
        }
    }

    /// <summary>Mints an HS256 token, as the user's OAuth2 token URL would for Vapi.</summary>
    public static string Mint(byte[] key, string issuer, string audience, DateTimeOffset expires, string clientId = "vapi")
    {
        static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var header = Encode("""{"alg":"HS256","typ":"JWT"}""");
        var payload = Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = "vapi-org-2f4a1b9e",
            ["client_id"] = clientId,
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        }));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }
}

internal sealed class Hs256JwtBearerOptions : AuthenticationSchemeOptions
{
    public byte[] SigningKey { get; set; } = [];

    public string Issuer { get; set; } = string.Empty;

    public string Audience { get; set; } = string.Empty;
}
