using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Encryption;
using VapiWebhooks.Handlers;
using VapiWebhooks.Inbox.TestKit;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox.Sqlite.Tests;

/// <summary>
/// A notification handled later by the inbox (in a scope that is not the request's) can still decrypt a field with the
/// injected <see cref="VapiFieldDecryptor"/>: it holds the keys of the app's credentials.
/// </summary>
public sealed class EncryptedFieldInboxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vapi-inbox-encrypted-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_handler_run_by_the_inbox_decrypts_with_the_credentials_keys()
    {
        using var rsa = RSA.Create(2048);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt("AC-991"u8.ToArray(), RSAEncryptionPadding.OaepSHA256));
        var journal = new HandlerJournal();
        var decrypted = new ConcurrentQueue<string>();
        await using var host = await InboxTestHost.StartAsync(
            b => b.AddSqliteInbox($"Data Source={Path.Combine(_folder, "inbox.db")};Default Timeout=5").AddHandler<DecryptingStatusHandler>(),
            journal,
            new Dictionary<string, string?>
            {
                ["Vapi:Webhooks:Inbox:PollInterval"] = "00:00:00.100",
                ["Vapi:Webhooks:Authentication:Encryption:PrivateKeys:0"] = rsa.ExportPkcs8PrivateKeyPem(),
            },
            services => services.AddSingleton(decrypted));

        using var response = await host.PostAsync("{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"accountNumber\":\"" + ciphertext + "\",\"call\":{\"id\":\"call-enc\"}}}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);

        // The handlers run one after another, the journal's first: wait (bounded) for this one.
        for (var i = 0; i < 200 && decrypted.IsEmpty; i++)
        {
            await Task.Delay(50);
        }

        decrypted.Should().Equal("AC-991");
    }

    private sealed class DecryptingStatusHandler(VapiFieldDecryptor decryptor, ConcurrentQueue<string> decrypted) : IServerMessageHandler<StatusUpdateMessage>
    {
        public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
        {
            if (message.TryGetExtension("accountNumber", out var value))
            {
                decrypted.Enqueue(decryptor.Decrypt(value.GetString()!));
            }

            return Task.CompletedTask;
        }
    }
}
