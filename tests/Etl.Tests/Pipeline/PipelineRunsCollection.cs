namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>
/// The test classes that share the two expensive runs (the tiny preset twice, the fixture with a
/// bad row per rule). They run one after the other; other pipeline tests run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PipelineRunsCollection : ICollectionFixture<TinyRun>, ICollectionFixture<RulesRun>
{
    public const string Name = "pipeline runs";
}
