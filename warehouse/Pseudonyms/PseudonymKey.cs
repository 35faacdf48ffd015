using System.Security.Cryptography;

namespace Monitoring.Warehouse.Pseudonyms;

/// <summary>
/// The secret HMAC key. It comes from MONITORING_PSEUDONYM_KEY (hex or base64, ≥ 32 bytes) or from
/// the file named by MONITORING_PSEUDONYM_KEY_FILE, never from the repository. In demo mode a
/// throw-away key is created once under the user's home (outside the repository and DATA_DIR),
/// with a warning; outside demo mode a run without a key is refused.
/// </summary>
public sealed class PseudonymKey
{
    public const string EnvKey = "MONITORING_PSEUDONYM_KEY";
    public const string EnvKeyFile = "MONITORING_PSEUDONYM_KEY_FILE";
    const int MinBytes = 32;

    public byte[] Bytes { get; }
    public string Origin { get; }
    public string? Warning { get; }

    PseudonymKey(byte[] bytes, string origin, string? warning = null)
    {
        Bytes = bytes; Origin = origin; Warning = warning;
    }

    /// <summary>Derives a separate key for one purpose (e.g. one research project), so its pseudonyms cannot be linked to others.</summary>
    public PseudonymKey Derive(string purpose) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, Bytes, 32, info: System.Text.Encoding.UTF8.GetBytes("monitoring/" + purpose)), $"{Origin} → {purpose}");

    public static PseudonymKey FromBytes(byte[] bytes, string origin = "given") =>
        bytes.Length >= MinBytes ? new(bytes, origin) : throw new ArgumentException($"a pseudonym key needs at least {MinBytes} bytes");

    public static PseudonymKey Resolve(bool demo)
    {
        var text = Environment.GetEnvironmentVariable(EnvKey);
        if (!string.IsNullOrWhiteSpace(text)) return new(Parse(text.Trim(), EnvKey), $"environment variable {EnvKey}");
        var file = Environment.GetEnvironmentVariable(EnvKeyFile);
        if (!string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file)) throw new PseudonymKeyException($"{EnvKeyFile} names {file}, which does not exist");
            return new(Parse(File.ReadAllText(file).Trim(), file), $"key file {file}");
        }
        if (!demo)
            throw new PseudonymKeyException($"no pseudonym key: set {EnvKey} (hex or base64, at least {MinBytes} bytes) or {EnvKeyFile}; only --demo runs may use a generated key");
        var demoFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "adi-monitoring", "demo-pseudonym.key");
        if (!File.Exists(demoFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(demoFile)!);
            File.WriteAllText(demoFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(MinBytes)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(demoFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new(Parse(File.ReadAllText(demoFile).Trim(), demoFile), $"demo key file {demoFile}",
            $"DEMO pseudonym key in {demoFile}: fine for demos, never for real data (set {EnvKey})");
    }

    static byte[] Parse(string text, string source)
    {
        byte[] bytes;
        if (text.Length % 2 == 0 && text.All(Uri.IsHexDigit)) bytes = Convert.FromHexString(text);
        else
        {
            try { bytes = Convert.FromBase64String(text); }
            catch (FormatException) { throw new PseudonymKeyException($"the pseudonym key in {source} is neither hex nor base64"); }
        }
        if (bytes.Length < MinBytes) throw new PseudonymKeyException($"the pseudonym key in {source} has {bytes.Length} bytes; at least {MinBytes} are needed");
        return bytes;
    }
}
