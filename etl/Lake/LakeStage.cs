using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;

namespace Monitoring.Etl.Lake;

/// <summary>
/// The lake: Parquet of the state the warehouse now holds, one folder per table with its manifest. Written after the
/// warehouse so the two cannot disagree (docs/ARCHITECTURE.md, "The flow"). A full export writes each table whole
/// (a base) from the warehouse's table, where the staging stage wrote its staged rows once. A delta is merge-on-read:
/// a table it carries gets one new file with the delta's own rows (its staged table, still in the landing database)
/// beside links to its earlier files, which readers merge by key (<see cref="LakeTable.ReadSql"/>); a table it does
/// not carry is linked whole. No file of the snapshot in service is rewritten; compaction (<see cref="LakeCompactor"/>)
/// folds the delta files back into a base as housekeeping.
/// </summary>
public sealed class LakeStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var conn = run.Landing;
        var staged = run.Staged;
        var runId = run.Report.RunId;
        if (!run.IsDelta) Sql.Exec(conn, $"ATTACH {Sql.Literal(run.WarehouseFile)} AS state (READ_ONLY)");
        foreach (var lake in LakeTable.All)
        {
            if (!staged.Contains(lake))
                run.Stages.Run("lake", lake.Stem + " (carried)", () => LakeCarry.Carry(lake, DataDirectory.LakeDir(run.Previous!), run.LakeDir));
            else if (run.IsDelta)
                run.Stages.Run("lake", lake.Stem + " (delta file)", () => LakeWriter.WriteDelta(conn, lake, DataDirectory.LakeDir(run.Previous!), run.LakeDir, runId));
            else
                run.Stages.Run("lake", lake.Stem + ".parquet", () => LakeWriter.Write(conn, lake, run.LakeDir, runId, $"state.{lake.Table}"));
        }
        if (!run.IsDelta) Sql.Exec(conn, "DETACH state");
    }
}
