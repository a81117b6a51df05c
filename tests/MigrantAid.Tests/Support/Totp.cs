using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MigrantAid.Tests.Support;

/// <summary>
/// What an authenticator app does (RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits), so that
/// tests can answer the portal's code prompts from the shared key shown at enrolment.
/// </summary>
public static class Totp
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is certainly not the right one at <paramref name="at"/>.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        // Identity accepts a few steps either side; avoid all of them.
        var valid = Enumerable.Range(-3, 7).Select(i => Code(base32Key, at + (Step * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (i * 111_111 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !valid.Contains(c));
    }

    /// <summary>RFC 4648 Base32, case-insensitive, spaces and padding ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
