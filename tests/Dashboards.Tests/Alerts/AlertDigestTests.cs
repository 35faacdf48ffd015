using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Schedule;
using Monitoring.DataDir.Alerts;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using netDumbster.smtp;

namespace Monitoring.Tests.Dashboards.Alerts;

/// <summary>
/// The daily digest end to end: a real scheduler loads a tiny export (the nightly ingest) and then runs the digest job,
/// first against an SMTP port where nothing listens (the job fails, a retry is scheduled, the load still succeeded),
/// then against a real SMTP server (netDumbster) started on that port before the retry: what arrives is read as mail and
/// checked against the warehouse and the follow-up register, read by the test itself, per subscriber's scope.
/// </summary>
public sealed partial class AlertDigestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alert-digest-" + Guid.NewGuid().ToString("N")[..8]);
    private string Data => Path.Combine(_root, "data");
    private string Drop => Path.Combine(_root, "drop");

    private sealed record Subscriber(string Email, string Role, string? Region, string? Ats);

    [GeneratedRegex(@"ATS (ATS-[0-9A-Z-]+)")]
    private static partial Regex AtsMention();

    [Fact]
    public async Task The_digest_waits_out_a_dead_SMTP_server_then_delivers_each_scope_its_own_alerts_and_the_load_succeeds()
    {
        // The export the "CMIS" drops, and the territories as the export itself names them (not as our code reads them).
        var export = Path.Combine(Drop, "gepi-tiny");
        ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 2, OutputDirectory = export });
        var atsRegion = File.ReadAllLines(Path.Combine(export, "ambiti.csv")).Skip(1).Select(l => l.Split(';'))
            .ToDictionary(f => f[0], f => f[2]);
        var region = atsRegion.Values.First();
        Assert.All(atsRegion.Values, r => Assert.Equal(region, r)); // the tiny preset is one region
        var otherRegion = region == "01" ? "02" : "01";

        // Subscribers of every kind of scope, saved where the inbox page saves them.
        var subscribers = new List<Subscriber>
        {
            new("ministero@example.test", "ministry", null, null),
            new("regione@example.test", "planner_region", region, null),
            new("altra-regione@example.test", "planner_region", otherRegion, null),
        };
        subscribers.AddRange(atsRegion.Keys.Order().Select((ats, i) => new Subscriber($"coordinatore{i}@example.test", "coordinator", region, ats)));
        var store = new SubscriptionStore(new DataDirectory(Data));
        foreach (var s in subscribers)
            store.Save(new AlertSubscription(AlertUserKey.Of("demo:" + s.Email), s.Email, "it", s.Role, s.Region, s.Ats, null, DateTime.UtcNow));

        // The nightly chain: ingest, then the digest; the digest's SMTP port has nothing listening yet.
        var smtpPort = AppProcess.FreePort();
        var config = Path.Combine(_root, "schedules.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            time_zone = "Europe/Rome",
            jobs = new object[]
            {
                new { name = "ingest", type = "ingest-latest-export", cron = $"{(DateTime.UtcNow.Second + 3) % 60} * * * * ?",
                      followed_by = new[] { "alert-digest" }, settings = new { drop_folder = Drop, demo = true } },
                new { name = "alert-digest", type = "send-alert-digest", retry = new { attempts = 2, delay = "00:00:06" },
                      settings = new { smtp_host = "127.0.0.1", smtp_port = smtpPort, smtp_tls = "none",
                                       smtp_from = "monitoraggio@example.test", dashboard_url = "https://dash.example.test" } },
            },
        }));

        using var host = ScheduleHost.Build(ScheduleConfigLoader.Load(config), Data);
        await host.StartAsync();
        SimpleSmtpServer? smtp = null;
        try
        {
            var failed = await WaitForAsync(r => r.Any(x => x.JobName == "alert-digest" && x.Status == "failed"), seconds: 420);
            // Only now does the mail server come up: the retry, six seconds later, must find it.
            smtp = SimpleSmtpServer.Start(smtpPort);
            var runs = await WaitForAsync(r => r.Any(x => x.JobName == "alert-digest" && x.Status == "succeeded"), seconds: 60);

            // The ingest's cron fires every minute: on a slow machine it fires again before the retry, and finds the export loaded.
            var ingests = runs.Where(r => r.JobName == "ingest").ToList();
            Assert.Equal("succeeded", ingests[0].Status); // the load is not failed by the mail server
            Assert.All(ingests.Skip(1), r => Assert.Equal(("skipped", ingests[0].ExportId), (r.Status, r.ExportId)));
            var digestRuns = runs.Where(r => r.JobName == "alert-digest").ToList();
            Assert.Equal([("failed", 1, true), ("succeeded", 2, false)], digestRuns.Select(r => (r.Status, r.Attempt, r.RetryScheduled)));
            Assert.Contains("kept pending for the next attempt", digestRuns[0].Message);
            Assert.Contains($"127.0.0.1:{smtpPort} unreachable", digestRuns[0].Message);
            Assert.DoesNotContain("@", digestRuns[0].Message);
            Assert.NotNull(new SnapshotStore(Data).CurrentRunId());

            // What each scope should hear of, read from the warehouse and the register by the test's own SQL.
            var (latest, alarms) = AlarmsOfLatestMonth();
            var episodes = EpisodesByAts();
            Assert.NotEmpty(alarms); // seed 2 of the tiny preset has an alarm in its latest month (seed 1 has only a warning); without it this test proves little
            IEnumerable<string> Visible(Subscriber s) => s.Role switch
            {
                "ministry" => atsRegion.Keys,
                "planner_region" => atsRegion.Where(a => a.Value == s.Region).Select(a => a.Key),
                _ => [s.Ats!],
            };

            var mails = smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
            var folder = Path.Combine(Artifacts.Dir, "alert-digest");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < mails.Count; i++)
                await File.WriteAllTextAsync(Path.Combine(folder, $"mail-{i}.txt"), $"To: {mails[i].To}\nSubject: {mails[i].Subject}\n\n{mails[i].TextBody}");
            foreach (var s in subscribers)
            {
                var scope = Visible(s).ToHashSet();
                var expectedAlarms = alarms.Where(a => scope.Contains(a.Ats)).ToList();
                var expectedEpisodes = episodes.Where(e => scope.Contains(e.Key)).Sum(e => e.Value);
                var mine = mails.Where(m => m.To.Mailboxes.Any(b => b.Address == s.Email)).ToList();
                if (expectedAlarms.Count == 0 && expectedEpisodes == 0)
                {
                    Assert.Empty(mine); // nothing in scope, nothing sent
                    continue;
                }
                var mail = Assert.Single(mine);
                var body = mail.TextBody;
                foreach (var (indicator, ats) in expectedAlarms)
                    Assert.Contains($"Allarme: indicatore {indicator}, ATS {ats}, mese {latest}", body);
                Assert.Equal(expectedAlarms.Count, Regex.Matches(body, "^- .*Allarme: ", RegexOptions.Multiline).Count);
                if (expectedEpisodes > 0) Assert.Contains($"nuovi episodi: {expectedEpisodes}\n", body.Replace("\r\n", "\n"));
                // Nothing of another territory, and nothing personal: no address (the recipient's included), only codes.
                Assert.All(AtsMention().Matches(body).Select(m => m.Groups[1].Value), ats => Assert.Contains(ats, scope));
                Assert.DoesNotContain("@", body);
                Assert.DoesNotContain("@", mail.Subject);
                Assert.Contains("https://dash.example.test/alerts", body);
            }
            Assert.Equal(subscribers.Count(s => Visible(s).Any(a => alarms.Any(x => x.Ats == a) || episodes.ContainsKey(a))), mails.Count);

            // A second digest has nothing new: everything pending was delivered once.
            var before = smtp.ReceivedEmailCount;
            Assert.Equal(0, await RunJobCommand.RunAsync(["alert-digest", "--config", config, "--data", Data]));
            Assert.Equal(before, smtp.ReceivedEmailCount);
            Assert.All(new DigestStateStore(new DataDirectory(Data)).All(), d => Assert.Null(d.PendingSince));

            // A nightly load the publish guard refuses (households.csv cut to its header, the manifest agreeing): news
            // for the Ministry's operators only — in its inbox and in its digest — and for no territory's subscriber.
            var badDrop = Path.Combine(_root, "drop-bad");
            TestExports.HeaderOnly(export, badDrop, "gepi-digest-header-only", "households.csv");
            var badConfig = Path.Combine(_root, "schedules-bad.json");
            await File.WriteAllTextAsync(badConfig, JsonSerializer.Serialize(new
            {
                jobs = new object[] { new { name = "ingest-bad", type = "ingest-latest-export", settings = new { drop_folder = badDrop, demo = true } } },
            }));
            Assert.Equal(1, await RunJobCommand.RunAsync(["ingest-bad", "--config", badConfig, "--data", Data]).WaitAsync(TimeSpan.FromSeconds(120)));
            // The refused run, found in DATA_DIR/runs by the test itself (its JSON, not our reader).
            var refused = Directory.GetFiles(new DataDirectory(Data).RunsDir, "*.json")
                .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
                .Single(r => r.GetProperty("export_id").GetString() == "gepi-digest-header-only");
            Assert.Equal("refused", refused.GetProperty("status").GetString());
            Assert.Contains("households.csv", refused.GetProperty("error").GetString());
            var refusedRun = refused.GetProperty("run_id").GetString()!;

            // The inbox pages read this feed: the ministry's lists the refused load and the failed job, a region's does not.
            using (var access = new SnapshotAccess(Data))
            {
                var feed = new AlertFeed(access);
                var since = DateTime.UtcNow - AlertFeed.InboxWindow;
                var ministryInbox = feed.For(UserScope.Ministry, since);
                Assert.Contains(ministryInbox, i => i.Kind == "run_refused" && i.RunId == refusedRun);
                Assert.Contains(ministryInbox, i => i.Kind == "job_failed" && i.JobName == "ingest-bad");
                Assert.All(subscribers.Where(s => s.Role != "ministry"), s =>
                    Assert.DoesNotContain(feed.For(new UserScope(s.Role, s.Region, s.Ats), since), i => i.IsOperations));
            }

            // netDumbster keeps mail in a ConcurrentBag: ReceivedEmail is in no particular order, so "the mails after the
            // first N" may be old ones (how an earlier version of this test read the ministry's first digest and missed the
            // refused load). Empty the store instead, and read what this digest sends.
            smtp.ClearReceivedEmail();
            Assert.Equal(0, await RunJobCommand.RunAsync(["alert-digest", "--config", config, "--data", Data]).WaitAsync(TimeSpan.FromSeconds(60)));
            var news = smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
            var ministryMail = Assert.Single(news); // no regional or ATS subscriber hears of it
            Assert.Equal("ministero@example.test", ministryMail.To.Mailboxes.Single().Address);
            var refusedBody = ministryMail.TextBody ?? "";
            await File.WriteAllTextAsync(Path.Combine(folder, "mail-refused-load.txt"), $"To: {ministryMail.To}\nSubject: {ministryMail.Subject}\n\n{refusedBody}");
            Assert.Contains($"Caricamento rifiutato: esecuzione {refusedRun}", refusedBody);
            Assert.Contains($"https://dash.example.test/ministry/operations?run={refusedRun}", refusedBody);
            Assert.Contains("Job pianificato non riuscito: ingest-bad", refusedBody);
            Assert.Contains("caricamenti rifiutati: 1\n", refusedBody.Replace("\r\n", "\n"));
            // Nothing personal: no address, no identifier of the export's households, no refusal text (it names files and counts only on the operations page).
            Assert.DoesNotContain("@", refusedBody + ministryMail.Subject);
            var personal = File.ReadAllLines(Path.Combine(export, "households.csv")).Skip(1).Take(50)
                .SelectMany(l => l.Split(';')[..2]).ToList(); // household_id, applicant_fiscal_code
            Assert.NotEmpty(personal);
            Assert.All(personal, id => Assert.DoesNotContain(id, refusedBody));
            Assert.DoesNotContain(refused.GetProperty("error").GetString()!, refusedBody);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StopAsync(stopping.Token);
            smtp?.Stop();
        }
    }

    private (string Latest, List<(string Indicator, string Ats)> Alarms) AlarmsOfLatestMonth()
    {
        using var c = new DuckDBConnection(new SnapshotStore(Data).CurrentConnectionString()!);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select max(month) from indicator_values where level = 'national'";
        var latest = (string)cmd.ExecuteScalar()!;
        cmd.CommandText = $"select indicator_id, ats_code from flags where month = '{latest}' and severity = 'alarm'";
        using var r = cmd.ExecuteReader();
        var alarms = new List<(string, string)>();
        while (r.Read()) alarms.Add((r.GetString(0), r.GetString(1)));
        return (latest, alarms);
    }

    private Dictionary<string, int> EpisodesByAts()
    {
        using var c = new DuckDBConnection($"Data Source={new DataDirectory(Data).FollowUpDatabase};ACCESS_MODE=READ_ONLY");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ats_code, count(*) from episodes group by ats_code";
        using var r = cmd.ExecuteReader();
        var byAts = new Dictionary<string, int>();
        while (r.Read()) byAts[r.GetString(0)] = Convert.ToInt32(r.GetValue(1));
        return byAts;
    }

    private async Task<IReadOnlyList<JobRunRecord>> WaitForAsync(Func<IReadOnlyList<JobRunRecord>, bool> done, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var runs = JobHistory.Recent(Data, 100).Reverse().ToList();
            if (done(runs)) return runs;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("job history never reached the expected state: "
                    + string.Join("; ", runs.Select(r => $"{r.JobName}#{r.Attempt} {r.Status} {r.Message}")));
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
