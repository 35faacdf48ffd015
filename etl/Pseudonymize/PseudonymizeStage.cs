using System.Diagnostics;
using Monitoring.Etl.Pipeline;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Etl.Pseudonymize;

/// <summary>
/// Pseudonyms for every identifier, once per distinct value (<see cref="PseudonymMaps"/>). Validation of a full
/// export needs none of them, so they are computed on a second connection meanwhile (their .NET half would leave
/// a core idle otherwise) and the staging stage waits for them; a delta's validation matches ids to the state in
/// service through them, so there they are computed here and now. Either way the report's <c>pseudonymize</c>
/// is the maps' own time, in its place after <c>read</c>.
/// </summary>
public sealed class PseudonymizeStage : IPipelineStage
{
    public const string Name = "pseudonymize";

    public void Run(RunContext run)
    {
        run.Stages.Reserve(Name);
        var pseudonymizer = new Pseudonymizer(run.Key);
        var files = run.Loaded.Keys.ToList();
        if (run.IsDelta)
        {
            run.Pseudonyms = Task.FromResult(Timed(() => PseudonymMaps.Build(run.Landing, pseudonymizer, files)));
            return;
        }
        // Duplicated here, not on the worker: a DuckDBConnection is not for use from two threads at once.
        var second = run.Landing.Duplicate();
        run.Pseudonyms = Task.Run(() => { using (second) { second.Open(); return Timed(() => PseudonymMaps.Build(second, pseudonymizer, files)); } }, run.Cancellation);
    }

    /// <summary>Waits for the maps (the staging SQL joins them) and records their time.</summary>
    public static void Await(RunContext run) => run.Stages.Record(Name, run.Pseudonyms.GetAwaiter().GetResult());

    static double Timed(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }
}
