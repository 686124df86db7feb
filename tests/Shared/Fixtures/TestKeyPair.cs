using System.Security.Cryptography;

namespace VapiWebhooks.Tests.Kit;

/// <summary>RSA key pairs generated for the tests (never checked in), as PEM text: the private key as configured, the public key as pasted into Vapi.</summary>
public sealed record TestKeyPair(string PrivateKeyPkcs8Pem, string PrivateKeyPkcs1Pem, string PublicKeyPem, int Bits)
{
    private static readonly Lazy<TestKeyPair> First = new(() => Generate(2048));
    private static readonly Lazy<TestKeyPair> Second = new(() => Generate(2048));
    private static readonly Lazy<TestKeyPair> Large = new(() => Generate(4096));

    /// <summary>A 2048-bit pair shared by the tests (generation costs tens of milliseconds).</summary>
    public static TestKeyPair Rsa2048 => First.Value;

    /// <summary>Another 2048-bit pair, for rotation.</summary>
    public static TestKeyPair Rsa2048Other => Second.Value;

    /// <summary>A 4096-bit pair.</summary>
    public static TestKeyPair Rsa4096 => Large.Value;

    public static TestKeyPair Of(int bits) => bits switch
    {
        2048 => Rsa2048,
        4096 => Rsa4096,
        _ => Generate(bits),
    };

    public static TestKeyPair Generate(int bits)
    {
        using var rsa = RSA.Create(bits);
        return new TestKeyPair(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportRSAPrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem(), bits);
    }

    /// <summary>The base64 body of the private key, to check it never leaks into a message or a log.</summary>
    public string PrivateKeyBody => PrivateKeyPkcs8Pem.Split('\n')[1];
}
