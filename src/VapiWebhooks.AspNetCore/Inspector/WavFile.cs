using System.Buffers.Binary;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>Wraps kept PCM (16-bit little-endian mono, as Vapi receives it) in a WAV header, for the page's audio player.</summary>
internal static class WavFile
{
    public static byte[] FromPcm(ReadOnlySpan<byte> pcm, int sampleRate)
    {
        var data = pcm.Length & ~1;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        pcm[..data].CopyTo(span[44..]);
        return wav;
    }
}
