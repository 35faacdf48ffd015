namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>The map and what-if tests share one tiny-italy app and browser; they run one after another.</summary>
[CollectionDefinition("maps")]
public sealed class MapsCollection : ICollectionFixture<ItalyMapsApp>;
