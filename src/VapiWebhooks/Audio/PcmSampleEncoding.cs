namespace VapiWebhooks.Audio;

/// <summary>How one PCM sample is stored. All multi-byte encodings are little-endian.</summary>
public enum PcmSampleEncoding
{
    /// <summary>8-bit unsigned integer; 128 is silence (the WAV convention).</summary>
    Unsigned8 = 1,

    /// <summary>16-bit signed integer, little-endian. This is what Vapi's custom voice expects.</summary>
    Signed16 = 2,

    /// <summary>24-bit signed integer packed in 3 bytes, little-endian.</summary>
    Signed24 = 3,

    /// <summary>32-bit signed integer, little-endian.</summary>
    Signed32 = 4,

    /// <summary>32-bit IEEE 754 float, little-endian, nominal range [-1, 1].</summary>
    IeeeFloat32 = 5,
}
