using Monitoring.Etl.Contract;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Validate;

/// <summary>
/// Every rule of the contract, files in dependency order, so references resolve only to rows that passed. A
/// delta's codes resolve against the delta or the state in service (<see cref="PreviousState"/>).
/// </summary>
public sealed class ValidateStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        foreach (var file in ExportContract.Files)
        {
            if (run.Loaded.TryGetValue(file, out var raw))
                run.Outcomes[file] = run.Stages.Run("validate", file.FileName, () =>
                    FileValidator.Validate(run.Landing, file, run.Manifest.ReferenceDate, raw.PresentColumns,
                        PreviousState.KnownIdsSql(file, run.Previous, run.IsDelta)));
            else
                // A delta without this file: its rows carry over unchanged (lake files linked, warehouse table
                // kept); only its ids are needed, for the delta's references.
                PreviousState.KnownFromPreviousOnly(run.Landing, file, run.Previous!);
            run.Cancellation.ThrowIfCancellationRequested();
        }
    }
}
