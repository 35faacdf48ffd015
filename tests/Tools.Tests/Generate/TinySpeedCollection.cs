namespace Monitoring.Tests.Tools.Generate;

/// <summary>Tests that measure CPU time run with no other test class in parallel.</summary>
[CollectionDefinition(nameof(TinySpeedTests), DisableParallelization = true)]
public class TinySpeedCollection;
