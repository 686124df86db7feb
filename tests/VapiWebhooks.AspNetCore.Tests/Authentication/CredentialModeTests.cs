using Microsoft.Extensions.Logging;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// Each credential mode through real HTTP (Kestrel on 127.0.0.1): a valid request reaches the handler; every refused one
/// gets the same terse 401 problem, never reaches the handler, and is logged with its reason and remote address but never
/// with the secret, token or signature. Rotation is exercised with a configuration reload and no restart.
/// </summary>
public class CredentialModeTests
{
    private const string Path = "/vapi/webhook";

    public static TheoryData<string> Modes() => [.. CredentialMode.All];

    public static TheoryData<string, string> RefusedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in CredentialMode.All)
        {
            foreach (var failure in CredentialMode.Get(name).Failures())
            {
                data.Add(name, failure);
            }
        }

        return data;
    }

    public static TheoryData<string> HmacModes() => ["hmac-default", "hmac-svix"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_valid_credential_is_accepted_and_the_handler_runs(string modeName)
    {
        var mode = CredentialMode.Get(modeName);
        await using var app = await AuthTestApp.StartAsync(mode.Settings(CredentialMode.Current));

        var response = await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential(CredentialMode.Current));

        await AuthAssert.IsAcceptedAsync(response);
        app.Calls.Count.Should().Be(1);
        app.Logs.Unauthenticated().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public async Task A_refused_request_gets_a_terse_401_never_reaches_the_handler_and_is_logged_without_secrets(string modeName, string failure)
    {
        var mode = CredentialMode.Get(modeName);
        await using var app = await AuthTestApp.StartAsync(mode.Settings(CredentialMode.Current));
        var body = CredentialMode.NewBody();
        var url = new Uri(app.BaseAddress, Path);
        var credential = failure switch
        {
            "missing" => VapiTestCredential.None,
            "wrong-secret" => mode.Credential(CredentialMode.Wrong),
            "stale" => mode.Credential(CredentialMode.Current, new OffsetTimeProvider(TimeSpan.FromMinutes(-10))),
            "future" => mode.Credential(CredentialMode.Current, new OffsetTimeProvider(TimeSpan.FromMinutes(10))),
            "wrong-prefix" => mode.WrongPrefix(CredentialMode.Current),
            "wrong-encoding" => mode.WrongEncoding(CredentialMode.Current),
            _ => mode.Credential(CredentialMode.Current),
        };
        var headers = credential.CreateHeaders(body, "POST", url);
        var sent = (byte[])body.Clone();
        if (failure == "tampered-body")
        {
            // One byte: a digit of the call's timestamp, so the body is still a valid message.
            var index = Array.LastIndexOf(sent, (byte)'5');
            index.Should().BePositive();
            sent[index] = (byte)'6';
        }

        if (failure == "replay")
        {
            // The genuine request first: accepted.
            await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.FromHeaders(headers)));
        }

        var response = await app.Client.PostVapiBodyAsync(sent, Path, VapiTestCredential.FromHeaders(headers));

        await AuthAssert.IsTerseUnauthorizedAsync(response);
        app.Calls.Count.Should().Be(failure == "replay" ? 1 : 0, "a refused request must never reach the handler");

        var warning = app.Logs.Unauthenticated().Should().ContainSingle().Subject;
        warning.Level.Should().Be(LogLevel.Information, "a refusal is the client's doing, and a client must not be able to drive warnings");
        warning.State["Reason"].Should().Be(mode.ExpectedReason(failure));
        warning.State["RemoteAddress"].Should().Be("127.0.0.1");
        warning.Message.Should().Contain(mode.ExpectedReason(failure)).And.Contain("127.0.0.1");

        string[] secrets = [CredentialMode.Current, CredentialMode.Wrong, .. headers.Values.Where(v => v.Length >= 8)];
        foreach (var entry in app.Logs.Entries)
        {
            var logged = entry.Message + " " + string.Join(" ", entry.State.Values) + " " + entry.Exception;
            foreach (var secret in secrets)
            {
                logged.Should().NotContain(secret, "logs must never contain a secret, token or signature ({0})", entry.Category);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Rotation_accepts_both_secrets_and_a_reload_that_removes_one_refuses_it_without_a_restart(string modeName)
    {
        var mode = CredentialMode.Get(modeName);
        await using var app = await AuthTestApp.StartAsync(mode.Settings(CredentialMode.Current, CredentialMode.Previous));

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential(CredentialMode.Previous)));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential(CredentialMode.Current)));
        app.Calls.Count.Should().Be(2);

        // The rotation completes: the previous secret leaves the configuration. Same app, same server, no restart.
        app.Reload(mode.Settings(CredentialMode.Current));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential(CredentialMode.Previous)));
        app.Calls.Count.Should().Be(2, "the removed secret must not reach the handler");
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential(CredentialMode.Current)));
        app.Calls.Count.Should().Be(3);

        // And the next rotation starts: a secret added by a reload is accepted at once.
        app.Reload(mode.Settings(CredentialMode.Current, "next-secret-4c6e8a0b2d-9f8e7d6c5b4a"));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), Path, mode.Credential("next-secret-4c6e8a0b2d-9f8e7d6c5b4a")));
        app.Calls.Count.Should().Be(4);
    }

    [Theory]
    [MemberData(nameof(HmacModes))]
    public async Task A_replay_stays_refused_after_a_reload_rebuilds_the_verifier(string modeName)
    {
        var mode = CredentialMode.Get(modeName);
        await using var app = await AuthTestApp.StartAsync(mode.Settings(CredentialMode.Current));
        var body = CredentialMode.NewBody();
        var headers = mode.Credential(CredentialMode.Current).CreateHeaders(body, "POST", new Uri(app.BaseAddress, Path));
        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.FromHeaders(headers)));

        app.Reload(mode.Settings(CredentialMode.Current, CredentialMode.Previous));

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.FromHeaders(headers)));
        app.Calls.Count.Should().Be(1);
        app.Logs.Unauthenticated().Single().State["Reason"].Should().Be("Replayed");
    }
}
