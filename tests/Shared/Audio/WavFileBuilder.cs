using System.Buffers.Binary;
using System.Text;

namespace VapiWebhooks.Tests.Audio;

/// <summary>Writes WAV files byte by byte, including the odd and broken shapes real encoders produce.</summary>
internal sealed class WavFileBuilder
{
    public int FormatTag { get; init; } = 1;

    public int Channels { get; init; } = 1;

    public int SampleRate { get; init; } = 16000;

    public int BitsPerSample { get; init; } = 16;

    /// <summary>Wrap the format in WAVE_FORMAT_EXTENSIBLE with a sub-format GUID of <see cref="FormatTag"/>.</summary>
    public bool Extensible { get; init; }

    /// <summary>Overrides the extensible sub-format GUID derived from <see cref="FormatTag"/>.</summary>
    public Guid? SubFormat { get; init; }

    /// <summary>Bytes appended to a plain (non-extensible) 'fmt ' payload, e.g. a WAVEFORMATEX cbSize of 0.</summary>
    public byte[] FormatExtra { get; init; } = [];

    /// <summary>Overrides the computed block align, to build inconsistent headers.</summary>
    public int? BlockAlign { get; init; }

    /// <summary>Overrides the declared data size (0, 0xFFFFFFFF and 0x7FFFF000 are what streaming writers put there).</summary>
    public uint? DeclaredDataSize { get; init; }

    /// <summary>Chunks written between 'fmt ' and 'data', e.g. LIST or fact, with their exact (possibly odd) payloads.</summary>
    public List<(string Id, byte[] Payload)> ChunksBeforeData { get; } = [];

    /// <summary>Chunks written before 'fmt '.</summary>
    public List<(string Id, byte[] Payload)> ChunksBeforeFormat { get; } = [];

    public byte[] Build(ReadOnlySpan<byte> samples)
    {
        using var output = new MemoryStream();
        Write(output, "RIFF");
        WriteUInt32(output, 0); // Patched below; readers must not depend on it anyway.
        Write(output, "WAVE");
        foreach (var (id, payload) in ChunksBeforeFormat)
        {
            WriteChunk(output, id, payload);
        }

        WriteChunk(output, "fmt ", FormatChunk());
        foreach (var (id, payload) in ChunksBeforeData)
        {
            WriteChunk(output, id, payload);
        }

        Write(output, "data");
        WriteUInt32(output, DeclaredDataSize ?? (uint)samples.Length);
        output.Write(samples);
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private byte[] FormatChunk()
    {
        var fmt = new byte[Extensible ? 40 : 16 + FormatExtra.Length];
        FormatExtra.CopyTo(fmt, 16);
        var blockAlign = BlockAlign ?? (Channels * BitsPerSample / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)(Extensible ? 0xFFFE : FormatTag));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(SampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)BitsPerSample);
        if (Extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)BitsPerSample);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), Channels == 1 ? 0x4u : 0x3u);
            (SubFormat ?? SubFormatGuid(FormatTag)).TryWriteBytes(fmt.AsSpan(24));
        }

        return fmt;
    }

    public static Guid SubFormatGuid(int formatTag) => new($"{formatTag:X8}-0000-0010-8000-00aa00389b71");

    private static void WriteChunk(Stream output, string id, byte[] payload)
    {
        Write(output, id);
        WriteUInt32(output, (uint)payload.Length);
        output.Write(payload);
        if (payload.Length % 2 == 1)
        {
            output.WriteByte(0); // RIFF pads odd chunks to an even length.
        }
    }

    private static void Write(Stream output, string fourCc) => output.Write(Encoding.ASCII.GetBytes(fourCc));

    private static void WriteUInt32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }
}
