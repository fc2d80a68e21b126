using System.Security.Cryptography;
using System.Text;
using FocusBot.Domain.Privacy;

namespace FocusBot.Storage.Privacy;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value, stored as "p1:" + base64(nonce | ciphertext | tag). The random
/// nonce is the point: two rows with the same teams look unrelated. Values without the prefix are from before
/// protection and read as they are.
/// </summary>
public sealed class AesGcmFieldProtector : IFieldProtector
{
    private const string Prefix = "p1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] s_label = Encoding.UTF8.GetBytes("FocusBot stored fields v1");
    private readonly byte[] _key;

    public AesGcmFieldProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Length == 32 ? key : throw new ArgumentException("The key must be 32 bytes.", nameof(key));
    }

    /// <summary>The key derived from the pseudonym secret with HKDF under its own label, so the secret itself encrypts nothing.</summary>
    public static AesGcmFieldProtector FromSecret(string secret) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: s_label));

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes, plain.Length), output.AsSpan(NonceBytes + plain.Length));
        return Prefix + Convert.ToBase64String(output);
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var input = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, plain.Length), input.AsSpan(NonceBytes + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
