namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The end-to-end tests that change the app's DATA_DIR (new snapshots, open-data releases, jobs, notes, read marks)
/// share one app and one browser; they run one after another.
/// </summary>
[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<DashboardsApp>;

/// <summary>
/// The end-to-end tests that only read pages and CSVs share a second app of their own (same tiny preset, own DATA_DIR,
/// own browser), so that they run beside the "app" collection instead of after it: the two were one collection of
/// 11-13 minutes, longer than the whole suite may take.
/// </summary>
[CollectionDefinition("app-pages")]
public sealed class AppPagesCollection : ICollectionFixture<DashboardsApp>;
