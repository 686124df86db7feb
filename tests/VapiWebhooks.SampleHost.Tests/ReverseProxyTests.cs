using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The sample host behind a TLS-terminating reverse proxy on loopback, as with a local ngrok agent: nginx with a
/// self-signed certificate forwards to the sample (a real process) with <c>X-Forwarded-For/Proto/Host</c>. The sample
/// trusts those headers from loopback, so an HMAC signature over the PUBLIC https URL (<c>{url}</c> in the payload)
/// verifies, while one over the internal http URL, or none at all, is refused.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed class ReverseProxyTests(ITestOutputHelper output)
{
    private const string Secret = "proxy-test-secret-2b7c1e9f4a6d8053c1e2f3a4b5c6d7e8";
    private const string PayloadFormat = "{timestamp}.{method}.{url}.{body}";

    private const string ProxyInstall = "sudo apt-get install -y nginx openssl";

    [RequiresToolFact("nginx", "openssl", InstallHint = ProxyInstall)]
    public async Task Behind_a_TLS_proxy_a_request_signed_for_the_public_https_url_is_accepted_and_an_unsigned_one_gets_401()
    {
        var nginxPath = SystemTool.Require("nginx", ProxyInstall);
        var opensslPath = SystemTool.Require("openssl", ProxyInstall);

        var directory = Path.Combine(Path.GetTempPath(), "vapi-reverse-proxy", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var certificate = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        var proxyPort = TestProcess.FreeLoopbackPort();
        var publicUrl = new Uri($"https://127.0.0.1:{proxyPort}/vapi/webhook");

        var host = SampleHostProcess.Start(new Dictionary<string, string?>
        {
            ["Vapi__Webhooks__Authentication__Hmac__Secrets__0"] = Secret,
            ["Vapi__Webhooks__Authentication__Hmac__PayloadFormat"] = PayloadFormat,
        });
        TestProcess? nginx = null;
        try
        {
            await TestProcess.RunAsync(
                opensslPath,
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", certificate],
                TimeSpan.FromSeconds(60),
                directory);
            var configuration = Path.Combine(directory, "nginx.conf");
            File.WriteAllText(configuration, NginxConfiguration(directory, proxyPort, host.Port, certificate, key));

            // master_process off: one process, running as the current user, killed on dispose.
            nginx = TestProcess.Start(nginxPath, ["-p", directory + "/", "-e", Path.Combine(directory, "error.log"), "-c", configuration], directory);

            // Trust exactly the generated certificate, nothing else.
            var expected = X509Certificate2.CreateFromPem(File.ReadAllText(certificate)).GetCertHashString();
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == expected,
            };

            await host.WaitUntilReadyAsync();
            await WaitForProxy(nginx, handler, new Uri(publicUrl, "/healthz"), directory);

            using var client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
            var hmac = new VapiHmacOptions { PayloadFormat = PayloadFormat, Secrets = [Secret] };
            var date = NextTuesday();

            // Signed for the public URL, as Vapi signs what it calls: accepted, with the tool's real answer.
            var message = VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", $$"""{"date":"{{date}}"}"""));
            using (var signed = await client.PostVapiMessageAsync(message, publicUrl.ToString(), VapiTestCredential.Hmac(hmac)))
            {
                signed.StatusCode.Should().Be(HttpStatusCode.OK, "the sample's output:\n{0}", host.Process.Output);
                var result = (await signed.ReadToolResultsAsync()).Should().ContainSingle().Subject;
                result.ToolCallId.Should().Be(message.ToolCallList![0].Id);
                result.Error.Should().BeNull();
                result.Result.Should().Contain("\"freeSlots\"").And.Contain(date);
            }

            // No signature: refused.
            var unsignedMessage = VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", $$"""{"date":"{{date}}"}"""));
            using (var unsigned = await client.PostVapiMessageAsync(unsignedMessage, publicUrl.ToString(), VapiTestCredential.None))
            {
                unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            // Signed for the sample's own http URL, but sent through the proxy: the URL the sample rebuilds from the
            // forwarded headers is the public one, so this signature does not match.
            var internalMessage = VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", $$"""{"date":"{{date}}"}"""));
            var internalUrl = new Uri(host.BaseAddress, "/vapi/webhook");
            using (var wrongUrl = await client.PostVapiMessageAsync(internalMessage, publicUrl.ToString(), VapiTestCredential.Hmac(hmac, publicUrl: internalUrl)))
            {
                wrongUrl.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            File.ReadAllText(Path.Combine(directory, "access.log")).Should().Contain("POST /vapi/webhook", "the requests should have gone through nginx");
        }
        finally
        {
            if (nginx is not null)
            {
                await nginx.DisposeAsync();
                output.WriteLine("nginx output:\n" + nginx.Output);
            }

            await host.DisposeAsync();
            output.WriteLine("sample output:\n" + host.Process.Output);
            foreach (var log in new[] { "error.log", "access.log" })
            {
                var path = Path.Combine(directory, log);
                if (File.Exists(path))
                {
                    output.WriteLine($"nginx {log}:\n" + File.ReadAllText(path));
                }
            }

            TestProcess.DeleteDirectory(directory);
        }
    }

    /// <summary>
    /// X-Forwarded-Host is <c>$http_host</c>, the Host header exactly as the caller sent it: UseForwardedHeaders copies
    /// it into Request.Host, and the sample rebuilds the signed URL from it. (<c>$host:$server_port</c> would also work
    /// here, but on port 443 it would add ":443", which the caller's URL, and so its signature, does not have.)
    /// </summary>
    private static string NginxConfiguration(string directory, int proxyPort, int backendPort, string certificate, string key) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log info;
        events { worker_connections 64; }
        http {
            access_log {{directory}}/access.log;
            client_body_temp_path {{directory}}/client_body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            server {
                listen 127.0.0.1:{{proxyPort}} ssl;
                server_name localhost;
                ssl_certificate {{certificate}};
                ssl_certificate_key {{key}};
                location / {
                    proxy_pass http://127.0.0.1:{{backendPort}};
                    proxy_http_version 1.1;
                    proxy_set_header X-Forwarded-For $remote_addr;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-Host $http_host;
                }
            }
        }

        """;

    private static async Task WaitForProxy(TestProcess nginx, HttpMessageHandler handler, Uri healthz, string directory)
    {
        try
        {
            await nginx.WaitUntilRespondingAsync(healthz, TimeSpan.FromSeconds(30), handler);
        }
        catch (InvalidOperationException exception)
        {
            var errorLog = Path.Combine(directory, "error.log");
            throw new InvalidOperationException(exception.Message + "\nnginx error.log:\n" + (File.Exists(errorLog) ? File.ReadAllText(errorLog) : "(none)"), exception);
        }
    }

    /// <summary>A Tuesday (the clinic is open 08-18) between 2 and 8 days from now, in any time zone.</summary>
    private static string NextTuesday()
    {
        var day = DateTime.UtcNow.Date.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }

        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
