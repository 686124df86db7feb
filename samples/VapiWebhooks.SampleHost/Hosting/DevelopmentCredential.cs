using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// Out of the box (Development environment, no credential configured), authenticates Vapi with a random bearer
/// token generated at first start and kept in the data folder, so that it is stable across runs and a first run
/// exposed through ngrok still refuses unsigned requests. Configuring <c>Vapi:Webhooks:Authentication</c> (Bearer or
/// Hmac) turns it off. Outside Development nothing is generated and start-up fails until a credential is configured.
/// </summary>
public sealed class DevelopmentCredential(IHostEnvironment environment, IOptions<SampleOptions> options) : IPostConfigureOptions<VapiAuthenticationOptions>
{
    public const string FileName = "dev-bearer-token.txt";

    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>The token in use, or null when a credential is configured (or this is not Development).</summary>
    public string? Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    public string TokenFile => Path.Combine(options.Value.ResolveDataDirectory(environment.ContentRootPath), FileName);

    public void PostConfigure(string? name, VapiAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName || !environment.IsDevelopment()
            || options.Bearer is not null || options.Hmac is not null || options.AllowUnauthenticated)
        {
            return;
        }

        var token = LoadOrCreate();
        options.Bearer = new VapiBearerOptions { Tokens = [token] };
    }

    private string LoadOrCreate()
    {
        lock (_gate)
        {
            if (_token is not null)
            {
                return _token;
            }

            var file = TokenFile;
            if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 32 } existing)
            {
                return _token = existing;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var token = "dev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(file, System.Text.Encoding.ASCII, create))
            {
                writer.WriteLine(token);
            }

            return _token = token;
        }
    }
}
