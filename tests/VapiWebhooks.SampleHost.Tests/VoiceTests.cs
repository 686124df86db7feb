using System.Net;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

public sealed class VoiceTests : IClassFixture<SampleHostFactory>
{
    private const string EspeakInstall = "sudo apt-get install -y espeak-ng";
    private const string Sentence = "Thank you for calling Brightsmile Dental. How can I help you today?";

    private readonly SampleHostFactory _factory;

    public VoiceTests(SampleHostFactory factory) => _factory = factory;

    [RequiresToolTheory("espeak-ng", InstallHint = EspeakInstall)]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(24000)]
    [InlineData(44100)]
    public async Task The_espeak_voice_returns_whole_pcm_samples_of_plausible_duration_at_each_rate(int sampleRate)
    {
        SystemTool.Require("espeak-ng", EspeakInstall);

        using var client = _factory.CreateVapiClient();
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(Sentence, sampleRate), "/vapi/voice");
        var pcm = await response.ReadPcmAsync();

        (pcm.Length % 2).Should().Be(0);
        var seconds = pcm.Length / 2.0 / sampleRate;
        seconds.Should().BeInRange(2.0, 8.0, "a 12-word sentence at 165 words per minute lasts about four seconds");

        // Not silence: some samples are loud.
        var peak = 0;
        for (var i = 0; i < pcm.Length; i += 2)
        {
            peak = Math.Max(peak, Math.Abs((int)BitConverter.ToInt16(pcm, i)));
        }

        peak.Should().BeGreaterThan(3000);
    }

    [RequiresToolFact("espeak-ng", InstallHint = EspeakInstall)]
    public async Task Text_that_looks_like_an_option_is_spoken_not_obeyed()
    {
        SystemTool.Require("espeak-ng", EspeakInstall);
        var target = Path.Combine(_factory.DataDirectory, "should-not-exist.wav");

        using var client = _factory.CreateVapiClient();
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest($"-w {target} hello", 16000), "/vapi/voice");
        (await response.ReadPcmAsync()).Length.Should().BeGreaterThan(0);
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public async Task Without_espeak_the_voice_endpoint_says_how_to_install_it()
    {
        using var factory = new SampleHostFactory();
        using var missing = factory.WithWebHostBuilder(b => b.UseSetting("Sample:Voice:EspeakPath", "/nonexistent/espeak-ng"));
        using var client = missing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SampleHostFactory.Token);

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(Sentence, 16000), "/vapi/voice");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("apt-get install -y espeak-ng");

        // Authentication still comes first.
        using var anonymous = missing.CreateClient();
        using var unsigned = await anonymous.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(Sentence, 16000), "/vapi/voice");
        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
