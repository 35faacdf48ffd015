using Monitoring.Etl.Schedule;

namespace Monitoring.Tests.Etl.Schedule;

/// <summary>The send-alert-digest job's settings in schedules.json: what the operator must give, and each mistake with its line.</summary>
public class DigestSettingsTests
{
    [Fact]
    public void A_digest_job_without_server_sender_or_address_and_with_a_wrong_TLS_mode_is_refused_naming_each_line()
    {
        using var dir = new TempDataDir();
        var path = dir.WriteConfig("""
            { "jobs": [
                { "name": "alert-digest", "type": "send-alert-digest", "cron": "0 0 7 * * ?",
                  "settings": {
                    "smtp_port": 70000,
                    "smtp_tls": "ssl3",
                    "smtp_from": "not an address",
                    "dashboard_url": "ftp://dash" } } ] }
            """);
        var e = Assert.Throws<ScheduleConfigException>(() => ScheduleConfigLoader.Load(path));
        Assert.Contains("needs settings.smtp_host", e.Message);
        Assert.Contains("line 4, $.jobs[0].settings.smtp_port: must be a port number (1-65535), not 70000", e.Message);
        Assert.Contains("line 5, $.jobs[0].settings.smtp_tls: unknown TLS mode \"ssl3\" (known: none, starttls, tls)", e.Message);
        Assert.Contains("line 6, $.jobs[0].settings.smtp_from: ", e.Message);
        Assert.Contains("line 7, $.jobs[0].settings.dashboard_url: ", e.Message);
    }

    [Fact]
    public void The_port_follows_the_TLS_mode_unless_given()
    {
        using var dir = new TempDataDir();
        var path = dir.WriteConfig("""
            { "jobs": [
                { "name": "tls", "type": "send-alert-digest", "settings": { "smtp_host": "mail.example.test", "smtp_tls": "tls",
                  "smtp_from": "monitoraggio@example.test", "dashboard_url": "https://dash.example.test" } },
                { "name": "plain", "type": "send-alert-digest", "settings": { "smtp_host": "localhost", "smtp_tls": "none", "smtp_port": 2525,
                  "smtp_from": "monitoraggio@example.test", "dashboard_url": "http://127.0.0.1:5080" } } ] }
            """);
        var config = ScheduleConfigLoader.Load(path);
        Assert.Equal((465, "tls", 30), (config.Find("tls")!.Settings.SmtpPort, config.Find("tls")!.Settings.SmtpTls, config.Find("tls")!.Settings.SmtpTimeoutSeconds));
        Assert.Equal((2525, "none"), (config.Find("plain")!.Settings.SmtpPort, config.Find("plain")!.Settings.SmtpTls));
    }
}
