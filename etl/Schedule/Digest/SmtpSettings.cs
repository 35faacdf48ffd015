using MailKit.Security;

namespace Monitoring.Etl.Schedule.Digest;

/// <summary>
/// The SMTP server the digest goes through: host, port, sender and TLS mode from the job's settings in schedules.json
/// (the environment's MONITORING_SMTP_HOST / MONITORING_SMTP_PORT override them, for a deployment that keeps the
/// schedule file generic). The user name may be in settings; the password only in MONITORING_SMTP_PASSWORD or the file
/// named by MONITORING_SMTP_PASSWORD_FILE, never in a file of the repository.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, SecureSocketOptions Tls, string? User, string? Password,
    string DashboardUrl, TimeSpan Timeout)
{
    public const string EnvHost = "MONITORING_SMTP_HOST";
    public const string EnvPort = "MONITORING_SMTP_PORT";
    public const string EnvPassword = "MONITORING_SMTP_PASSWORD";
    public const string EnvPasswordFile = "MONITORING_SMTP_PASSWORD_FILE";

    /// <summary>smtp_tls values: none (plain, a relay on the same host), starttls (upgrade, required), tls (TLS from the first byte, port 465).</summary>
    public static readonly IReadOnlyDictionary<string, SecureSocketOptions> TlsModes = new Dictionary<string, SecureSocketOptions>
    {
        ["none"] = SecureSocketOptions.None,
        ["starttls"] = SecureSocketOptions.StartTls,
        ["tls"] = SecureSocketOptions.SslOnConnect,
    };

    public static SmtpSettings Of(JobSettings settings)
    {
        var host = Environment.GetEnvironmentVariable(EnvHost) is { Length: > 0 } h ? h : settings.SmtpHost
            ?? throw new JobFailedException("the digest job needs settings.smtp_host (or MONITORING_SMTP_HOST)");
        var port = settings.SmtpPort;
        if (Environment.GetEnvironmentVariable(EnvPort) is { Length: > 0 } p)
            port = int.TryParse(p, out var parsed) && parsed is > 0 and < 65536 ? parsed
                : throw new JobFailedException($"{EnvPort} must be a port number (1-65535)");
        return new SmtpSettings(host, port, settings.SmtpFrom!, TlsModes[settings.SmtpTls], settings.SmtpUser, ReadPassword(),
            settings.DashboardUrl!, TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds));
    }

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(EnvPassword) is { Length: > 0 } password) return password;
        if (Environment.GetEnvironmentVariable(EnvPasswordFile) is not { Length: > 0 } file) return null;
        try { return File.ReadAllText(file).TrimEnd('\r', '\n'); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobFailedException($"{EnvPasswordFile} names {file}, which cannot be read: {e.Message}");
        }
    }
}
