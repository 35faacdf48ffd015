using Monitoring.Access.Alerts;
using Monitoring.Access;
using Monitoring.DataDir.Alerts;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Schedule.Digest;

/// <summary>
/// The daily e-mail digest (job type send-alert-digest): for each subscriber, the alerts of their stored scope that no
/// earlier digest delivered (<see cref="DigestComposer"/>, through the same feed and scope rules as the inbox page), sent through
/// the configured SMTP server. A delivery that fails leaves those alerts pending in DATA_DIR/alerts/digest and the
/// attempt fails, so the scheduler's retry policy tries again later; the next attempt that gets through sends them.
/// It is its own job, never a step of the nightly load: a broken mail server cannot fail a load. No address is logged.
/// </summary>
public sealed class AlertDigestJob : IScheduledJob
{
    public string Type => JobTypes.SendAlertDigest;

    public async Task<JobOutcome> RunAsync(JobDefinition job, string dataDir, CancellationToken ct)
    {
        var dir = new DataDirectory(dataDir);
        var subscriptions = new SubscriptionStore(dir).All();
        if (subscriptions.Count == 0) return JobOutcome.Skipped("no subscriber");
        var settings = SmtpSettings.Of(job.Settings);
        var states = new DigestStateStore(dir);

        using var access = new SnapshotAccess(dataDir);
        var composer = new DigestComposer(new AlertFeed(access));
        await using var mailer = new DigestMailer(settings);
        int sent = 0, nothingNew = 0, pending = 0;
        string? error = null;
        var unreachable = false;
        foreach (var subscription in subscriptions)
        {
            var state = states.Get(subscription.UserKey);
            var digest = composer.Compose(subscription, state.SentIds.ToHashSet(StringComparer.Ordinal), settings.DashboardUrl);
            if (digest is null) { nothingNew++; continue; }
            if (error is not null && unreachable)
            {
                // The server is down: do not knock once per subscriber, keep the rest pending for the next attempt.
                states.Save(state.Failed(DateTime.UtcNow, error));
                pending++;
                continue;
            }
            try
            {
                await mailer.SendAsync(subscription.Email, digest, ct);
                states.Save(state.Delivered(digest.ItemIds, DateTime.UtcNow));
                sent++;
            }
            catch (DigestDeliveryException e)
            {
                states.Save(state.Failed(DateTime.UtcNow, e.Message));
                error ??= e.Message;
                unreachable = e.ConnectionLost;
                pending++;
            }
        }

        var summary = $"{sent} digest(s) sent, {nothingNew} subscriber(s) with nothing new";
        if (pending > 0)
            throw new JobFailedException($"{pending} digest(s) not sent and kept pending for the next attempt ({summary}): {error}");
        return JobOutcome.Succeeded(rows: sent, message: summary);
    }
}
