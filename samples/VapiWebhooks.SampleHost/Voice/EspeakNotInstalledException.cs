namespace VapiWebhooks.SampleHost.Voice;

/// <summary>espeak-ng was not found; carries the install instructions.</summary>
public sealed class EspeakNotInstalledException() : Exception(EspeakVoice.InstallHint);
