namespace Monitoring.Tests.Dashboards;

/// <summary>The end-to-end tests share one app and one browser; they run one after another.</summary>
[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<DashboardsApp>;
