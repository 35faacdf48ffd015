using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.DataDir.Alerts;

/// <summary>DATA_DIR/alerts/subscriptions/&lt;user key&gt;.json: written by the dashboards (subscribe, unsubscribe), read by the digest job.</summary>
public sealed class SubscriptionStore(DataDirectory dir)
{
    public AlertSubscription? Get(string userId) => AlertFiles.Read<AlertSubscription>(PathOf(AlertUserKey.Of(userId)));

    public void Save(AlertSubscription subscription) => AlertFiles.Write(PathOf(subscription.UserKey), subscription);

    public void Remove(string userId) => AlertFiles.Delete(PathOf(AlertUserKey.Of(userId)));

    public IReadOnlyList<AlertSubscription> All() => AlertFiles.ReadAll<AlertSubscription>(dir.AlertSubscriptionsDir).ToList();

    private string PathOf(string userKey) => DataDirectory.AlertUserFile(dir.AlertSubscriptionsDir, userKey);
}
