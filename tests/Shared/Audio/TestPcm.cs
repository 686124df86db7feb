namespace VapiWebhooks.Tests.Voice;

/// <summary>Deterministic test bytes.</summary>
internal static class TestPcm
{
    public static byte[] Pattern(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
