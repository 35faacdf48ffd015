using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Lake;

/// <summary>
/// The lake: Parquet of the state the warehouse now holds, one folder per table. Written after the warehouse so
/// the two cannot disagree (docs/ARCHITECTURE.md, "The flow"). A table of a full export is written from its
/// staged rows, which are that state (read from memory rather than from the file just written); a table a delta
/// carries is written from the warehouse's upserted table; a table a delta does not carry is linked from the
/// snapshot in service.
/// </summary>
public sealed class LakeStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var conn = run.Landing;
        var staged = run.Staged;
        if (run.IsDelta) Sql.Exec(conn, $"ATTACH {Sql.Literal(run.WarehouseFile)} AS state (READ_ONLY)");
        foreach (var lake in LakeTable.All)
        {
            if (!staged.Contains(lake))
                run.Stages.Run("lake", lake.Stem + " (carried)", () => LakeCarry.Carry(lake, DataDirectory.LakeDir(run.Previous!), run.LakeDir));
            else
                run.Stages.Run("lake", lake.Stem + ".parquet", () => LakeWriter.Write(conn, lake, run.LakeDir, run.IsDelta ? $"state.{lake.Table}" : null));
        }
        if (run.IsDelta) Sql.Exec(conn, "DETACH state");
    }
}
