namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>One <c>MapVapiWebhooks</c> endpoint: its route pattern and the credential it accepts.</summary>
internal sealed record MappedWebhookEndpoint(string Pattern, string CredentialName);
