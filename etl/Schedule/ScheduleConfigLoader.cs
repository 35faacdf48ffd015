using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quartz;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Reads and validates schedules.json. Every mistake is collected with its JSON path and line and
/// thrown together as a <see cref="ScheduleConfigException"/>, so the operator fixes the file in one go
/// and the scheduler never starts on a half-understood schedule.
/// </summary>
public static partial class ScheduleConfigLoader
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex JobNamePattern();

    private static readonly string[] TopKeys = ["time_zone", "jobs"];
    private static readonly string[] JobKeys = ["name", "type", "description", "cron", "enabled", "misfire", "retry", "followed_by", "settings"];
    private static readonly string[] RetryKeys = ["attempts", "delay", "backoff", "max_delay"];

    /// <summary>misfire values: what to do with an occurrence missed while the scheduler was busy or paused.</summary>
    public static readonly IReadOnlyDictionary<string, CronTriggerMisfireInstruction> MisfirePolicies =
        new Dictionary<string, CronTriggerMisfireInstruction>
        {
            ["fire_once_now"] = CronTriggerMisfireInstruction.FireAndProceed,
            ["do_nothing"] = CronTriggerMisfireInstruction.DoNothing,
            ["fire_all_missed"] = CronTriggerMisfireInstruction.IgnoreMisfires,
        };

    public static ScheduleConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new ScheduleConfigException(path, [new ConfigProblem("$", null, "file not found")]);
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(path);
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own 0-based "LineNumber: … | BytePositionInLine: …"; say it once, 1-based.
            var what = Regex.Replace(e.Message, @"\s*LineNumber:.*$", "", RegexOptions.Singleline).TrimEnd('.', ' ');
            throw new ScheduleConfigException(path,
                [new ConfigProblem(e.Path ?? "$", (int?)(e.LineNumber + 1), $"malformed JSON at column {e.BytePositionInLine + 1}: {what}")]);
        }

        using (document)
        {
            var reader = new Reader(JsonLineMap.Build(bytes.Span));
            var config = reader.ReadRoot(path, document.RootElement);
            if (reader.Problems.Count > 0) throw new ScheduleConfigException(path, reader.Problems);
            return config!;
        }
    }

    /// <summary>Walks the document once, recording problems instead of stopping at the first.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, int> lines)
    {
        public List<ConfigProblem> Problems { get; } = [];

        private void Problem(string path, string what) =>
            Problems.Add(new ConfigProblem(path, lines.TryGetValue(path, out var l) ? l : null, what));

        public ScheduleConfig? ReadRoot(string source, JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) { Problem("$", "the file must hold one JSON object with \"jobs\""); return null; }
            UnknownKeys(root, "$", TopKeys);

            var zoneId = OptionalString(root, "$", "time_zone") ?? ScheduleConfig.DefaultTimeZone;
            TimeZoneInfo zone;
            try { zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId); }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                Problem("$.time_zone", $"unknown time zone \"{zoneId}\" (use an IANA name such as {ScheduleConfig.DefaultTimeZone})");
                zone = TimeZoneInfo.Utc;
            }

            var jobs = new List<JobDefinition>();
            if (!root.TryGetProperty("jobs", out var jobsElement)) Problem("$", "missing \"jobs\" (an array of jobs)");
            else if (jobsElement.ValueKind != JsonValueKind.Array) Problem("$.jobs", "must be an array of jobs");
            else
            {
                var index = 0;
                foreach (var job in jobsElement.EnumerateArray())
                    if (ReadJob(job, $"$.jobs[{index++}]") is { } definition) jobs.Add(definition);
                if (index == 0) Problem("$.jobs", "declares no job");
            }

            CheckNamesAndFollowers(jobs, jobsElement);
            return new ScheduleConfig(Path.GetFullPath(source), zone, jobs);
        }

        private JobDefinition? ReadJob(JsonElement job, string path)
        {
            if (job.ValueKind != JsonValueKind.Object) { Problem(path, "a job must be an object"); return null; }
            UnknownKeys(job, path, JobKeys);

            var name = RequiredString(job, path, "name");
            if (name is not null && !JobNamePattern().IsMatch(name))
                Problem(path + ".name", $"job name \"{name}\" must be lowercase letters, digits and '-', starting with a letter (at most 40)");

            var type = RequiredString(job, path, "type");
            if (type is not null && !JobTypes.All.Contains(type))
            {
                Problem(path + ".type", $"unknown job type \"{type}\" (known: {string.Join(", ", JobTypes.All)})");
                type = null;
            }

            var cron = OptionalString(job, path, "cron");
            if (cron is not null) CheckCron(cron, path + ".cron");

            var enabled = OptionalBool(job, path, "enabled") ?? true;

            var misfire = CronTriggerMisfireInstruction.FireAndProceed;
            if (OptionalString(job, path, "misfire") is { } misfireName && !MisfirePolicies.TryGetValue(misfireName, out misfire))
                Problem(path + ".misfire", $"unknown misfire policy \"{misfireName}\" (known: {string.Join(", ", MisfirePolicies.Keys)})");

            var retry = job.TryGetProperty("retry", out var retryElement) && retryElement.ValueKind != JsonValueKind.Null
                ? ReadRetry(retryElement, path + ".retry")
                : null;

            var followers = new List<string>();
            if (job.TryGetProperty("followed_by", out var followedBy) && followedBy.ValueKind != JsonValueKind.Null)
            {
                if (followedBy.ValueKind != JsonValueKind.Array) Problem(path + ".followed_by", "must be an array of job names");
                else
                {
                    var i = 0;
                    foreach (var follower in followedBy.EnumerateArray())
                    {
                        if (follower.ValueKind == JsonValueKind.String) followers.Add(follower.GetString()!);
                        else Problem($"{path}.followed_by[{i}]", "must be a job name (a string)");
                        i++;
                    }
                }
            }

            var settings = type is null ? new JobSettings() : ReadSettings(job, path, type);
            if (name is null || type is null) return null;
            return new JobDefinition
            {
                Name = name, Type = type, Cron = cron, Enabled = enabled, Misfire = misfire,
                Retry = retry, FollowedBy = followers, Settings = settings,
            };
        }

        private void CheckCron(string cron, string path)
        {
            try
            {
                var expression = CronExpression.Parse(cron);
                if (expression.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
                    Problem(path, $"cron \"{cron}\" never fires");
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                var hint = fields is < 6 or > 7
                    ? $" — a Quartz cron has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), this one has {fields}"
                    : "";
                Problem(path, $"\"{cron}\" is not a valid cron expression: {e.Message.TrimEnd('.')}{hint}");
            }
        }

        private RetryPolicy? ReadRetry(JsonElement retry, string path)
        {
            if (retry.ValueKind != JsonValueKind.Object) { Problem(path, "must be an object {attempts, delay, backoff, max_delay}"); return null; }
            UnknownKeys(retry, path, RetryKeys);
            var attempts = OptionalInt(retry, path, "attempts");
            if (attempts is null) { Problem(path, "missing \"attempts\" (retries after the first failure, at least 1)"); return null; }
            if (attempts is < 1 or > 100) { Problem(path + ".attempts", $"must be between 1 and 100, not {attempts}"); return null; }
            if (!retry.TryGetProperty("delay", out _)) { Problem(path, "missing \"delay\" (the wait before the first retry, e.g. \"00:05:00\")"); return null; }
            var delay = OptionalDuration(retry, path, "delay");
            if (delay is null) return null;
            var backoff = 1.0;
            if (retry.TryGetProperty("backoff", out var b))
            {
                if (b.ValueKind != JsonValueKind.Number || !b.TryGetDouble(out backoff) || backoff < 1 || double.IsNaN(backoff))
                {
                    Problem(path + ".backoff", "must be a number of at least 1 (each wait is the previous one times this)");
                    return null;
                }
            }
            var maxDelay = OptionalDuration(retry, path, "max_delay");
            if (maxDelay is not null && maxDelay < delay) { Problem(path + ".max_delay", "must not be shorter than \"delay\""); return null; }
            return backoff == 1 && maxDelay is null
                ? RetryPolicy.Fixed(attempts.Value, delay.Value)
                : RetryPolicy.Exponential(attempts.Value, delay.Value, backoff, maxDelay);
        }

        private JobSettings ReadSettings(JsonElement job, string jobPath, string type)
        {
            var path = jobPath + ".settings";
            var allowed = JobTypes.SettingsOf(type);
            var hasSettings = job.TryGetProperty("settings", out var s) && s.ValueKind != JsonValueKind.Null;
            if (hasSettings && s.ValueKind != JsonValueKind.Object) { Problem(path, "must be an object"); hasSettings = false; }
            if (hasSettings)
                foreach (var property in s.EnumerateObject())
                    if (!allowed.Contains(property.Name))
                        Problem($"{path}.{property.Name}", allowed.Count == 0
                            ? $"a {type} job takes no settings"
                            : $"unknown setting for a {type} job (known: {string.Join(", ", allowed)})");

            var settings = new JobSettings();
            if (type == JobTypes.IngestLatestExport)
            {
                var drop = hasSettings ? OptionalString(s, path, "drop_folder") : null;
                if (string.IsNullOrWhiteSpace(drop)) Problem(hasSettings ? path : jobPath, "an ingest job needs settings.drop_folder (the folder exports arrive in)");
                settings = settings with
                {
                    DropFolder = string.IsNullOrWhiteSpace(drop) ? null : Path.GetFullPath(drop),
                    Demo = (hasSettings ? OptionalBool(s, path, "demo") : null) ?? false,
                    MaxQuarantined = hasSettings ? OptionalShare(s, path, "max_quarantined") : null,
                    MaxRowLoss = hasSettings ? OptionalShare(s, path, "max_row_loss") : null,
                };
            }
            else if (type == JobTypes.Housekeeping && hasSettings)
            {
                var keep = OptionalInt(s, path, "keep_snapshots");
                if (keep is < 1) Problem(path + ".keep_snapshots", "must be at least 1");
                var keepQuarantine = OptionalInt(s, path, "keep_quarantine");
                if (keepQuarantine is < 0) Problem(path + ".keep_quarantine", "must not be negative");
                settings = settings with
                {
                    KeepSnapshots = keep ?? settings.KeepSnapshots,
                    KeepQuarantine = keepQuarantine,
                    CleanBuilding = OptionalBool(s, path, "clean_building") ?? true,
                };
            }
            else if (type == JobTypes.CompactLake && hasSettings)
            {
                var max = OptionalInt(s, path, "max_delta_files");
                if (max is < 0) Problem(path + ".max_delta_files", "must not be negative");
                settings = settings with { MaxDeltaFiles = max ?? settings.MaxDeltaFiles };
            }
            else if (type == JobTypes.SendAlertDigest)
                settings = ReadDigestSettings(hasSettings ? s : default, hasSettings, path, jobPath, settings);
            return settings;
        }

        /// <summary>send-alert-digest: SMTP server, sender, TLS mode and the dashboards' address for the links.</summary>
        private JobSettings ReadDigestSettings(JsonElement s, bool hasSettings, string path, string jobPath, JobSettings settings)
        {
            string? Text(string key) => hasSettings ? OptionalString(s, path, key) : null;
            var host = Text("smtp_host");
            var from = Text("smtp_from");
            var url = Text("dashboard_url");
            if (string.IsNullOrWhiteSpace(host)) Problem(hasSettings ? path : jobPath, "a send-alert-digest job needs settings.smtp_host (the SMTP server)");
            if (from is null || !MimeKit.MailboxAddress.TryParse(from, out _))
                Problem(hasSettings ? path + ".smtp_from" : jobPath, "a send-alert-digest job needs settings.smtp_from, the sender's e-mail address");
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                Problem(hasSettings ? path + ".dashboard_url" : jobPath, "a send-alert-digest job needs settings.dashboard_url, the dashboards' http(s) address for the links");
            var port = hasSettings ? OptionalInt(s, path, "smtp_port") : null;
            if (port is < 1 or > 65535) Problem(path + ".smtp_port", $"must be a port number (1-65535), not {port}");
            var tls = Text("smtp_tls") ?? settings.SmtpTls;
            if (!Digest.SmtpSettings.TlsModes.ContainsKey(tls))
            {
                Problem(path + ".smtp_tls", $"unknown TLS mode \"{tls}\" (known: {string.Join(", ", Digest.SmtpSettings.TlsModes.Keys)})");
                tls = settings.SmtpTls;
            }
            var timeout = hasSettings ? OptionalInt(s, path, "smtp_timeout_seconds") : null;
            if (timeout is < 1 or > 600) Problem(path + ".smtp_timeout_seconds", "must be between 1 and 600");
            return settings with
            {
                SmtpHost = host, SmtpFrom = from, DashboardUrl = url, SmtpTls = tls, SmtpUser = Text("smtp_user"),
                SmtpPort = port ?? (tls == "tls" ? 465 : tls == "none" ? 25 : 587), SmtpTimeoutSeconds = timeout ?? settings.SmtpTimeoutSeconds,
            };
        }

        private void CheckNamesAndFollowers(List<JobDefinition> jobs, JsonElement jobsElement)
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < jobs.Count; i++)
            {
                var path = PathOfJob(jobs[i].Name, jobsElement);
                if (!seen.TryAdd(jobs[i].Name, i)) Problem(path + ".name", $"duplicate job name \"{jobs[i].Name}\"");
            }
            var names = jobs.Select(j => j.Name).ToHashSet();
            foreach (var job in jobs)
            {
                var path = PathOfJob(job.Name, jobsElement);
                for (var f = 0; f < job.FollowedBy.Count; f++)
                {
                    var follower = job.FollowedBy[f];
                    if (follower == job.Name) Problem($"{path}.followed_by[{f}]", $"job \"{job.Name}\" cannot follow itself");
                    else if (!names.Contains(follower))
                        Problem($"{path}.followed_by[{f}]", $"unknown job name \"{follower}\" (declared: {string.Join(", ", names.Order())})");
                }
            }
            if (FindCycle(jobs) is { } cycle)
                Problem("$.jobs", $"followed_by makes a loop: {string.Join(" → ", cycle)}");
        }

        private static List<string>? FindCycle(List<JobDefinition> jobs)
        {
            var byName = jobs.GroupBy(j => j.Name).ToDictionary(g => g.Key, g => g.First());
            var state = new Dictionary<string, int>(); // 1 visiting, 2 done
            var trail = new List<string>();
            List<string>? Visit(string name)
            {
                if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var job)) return null;
                if (state.GetValueOrDefault(name) == 1) return [.. trail.SkipWhile(n => n != name), name];
                state[name] = 1;
                trail.Add(name);
                foreach (var follower in job.FollowedBy.Where(f => f != name))
                    if (Visit(follower) is { } cycle) return cycle;
                trail.RemoveAt(trail.Count - 1);
                state[name] = 2;
                return null;
            }
            return jobs.Select(j => Visit(j.Name)).FirstOrDefault(c => c is not null);
        }

        private static string PathOfJob(string name, JsonElement jobsElement)
        {
            // The first job object carrying this name; duplicates report their own index below.
            var index = 0;
            string? first = null;
            foreach (var job in jobsElement.EnumerateArray())
            {
                if (job.ValueKind == JsonValueKind.Object && job.TryGetProperty("name", out var n)
                    && n.ValueKind == JsonValueKind.String && n.GetString() == name)
                {
                    if (first is null) first = $"$.jobs[{index}]";
                    else return $"$.jobs[{index}]"; // a duplicate: point at the later one
                }
                index++;
            }
            return first ?? "$.jobs";
        }

        private void UnknownKeys(JsonElement obj, string path, string[] known)
        {
            foreach (var property in obj.EnumerateObject())
                if (!known.Contains(property.Name))
                    Problem($"{path}.{property.Name}", $"unknown key \"{property.Name}\" (known: {string.Join(", ", known)})");
        }

        private string? RequiredString(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out _)) { Problem(path, $"missing \"{key}\""); return null; }
            var value = OptionalString(obj, path, key);
            if (value is not null && value.Trim().Length == 0) { Problem($"{path}.{key}", "must not be empty"); return null; }
            return value;
        }

        /// <summary>A publish-guard threshold: "5%" or 0.05 (see PublishGuard).</summary>
        private double? OptionalShare(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            var text = v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            try { return Monitoring.Etl.Pipeline.PublishGuard.ParseShare(text ?? "?", $"{path}.{key}"); }
            catch (ArgumentException e) { Problem($"{path}.{key}", e.Message[(e.Message.IndexOf(':') + 2)..]); return null; }
        }

        private string? OptionalString(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            Problem($"{path}.{key}", $"must be a string, not {Describe(v)}");
            return null;
        }

        private bool? OptionalBool(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Problem($"{path}.{key}", $"must be true or false, not {Describe(v)}");
            return null;
        }

        private int? OptionalInt(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
            Problem($"{path}.{key}", $"must be a whole number, not {Describe(v)}");
            return null;
        }

        private TimeSpan? OptionalDuration(JsonElement obj, string path, string key)
        {
            var text = OptionalString(obj, path, key);
            if (text is null) return null;
            // Require a colon: TimeSpan reads a bare "5" as five days, which nobody means here.
            if (text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
                return span;
            Problem($"{path}.{key}", $"\"{text}\" is not a duration like \"00:05:00\" (hh:mm:ss, or d.hh:mm:ss)");
            return null;
        }

        private static string Describe(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{v.GetString()}\"",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => v.GetRawText(),
        };
    }
}
