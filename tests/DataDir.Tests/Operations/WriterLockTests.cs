using System.Diagnostics;
using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.DataDir.Operations;

public class WriterLockTests
{
    // Each acquisition runs on its own Task with no flowed context, so it is its own async flow,
    // like two scheduled jobs (a Task started by the holder inherits the holder's flow, on purpose).
    private static Task<(bool Ok, WriterLock? Lock, string? HeldBy)> AcquireElsewhere(string dataDir, string who)
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(() => (WriterLock.TryAcquire(dataDir, who, out var l, out var h), l, h));
    }

    [Fact]
    public async Task A_second_writer_in_the_same_process_is_refused_and_told_who_holds_it()
    {
        using var dir = new TempDir();
        var first = await AcquireElsewhere(dir.Root, "job ingest (ingest-latest-export)");
        Assert.True(first.Ok);

        var second = await AcquireElsewhere(dir.Root, "job housekeeping (housekeeping)");
        Assert.False(second.Ok);
        Assert.Null(second.Lock);
        Assert.Contains("'job ingest (ingest-latest-export)'", second.HeldBy);
        Assert.Contains($"pid {Environment.ProcessId}", second.HeldBy);

        first.Lock!.Dispose();
        var third = await AcquireElsewhere(dir.Root, "job housekeeping (housekeeping)");
        Assert.True(third.Ok);
        third.Lock!.Dispose();
    }

    [Fact]
    public async Task The_holder_can_take_it_again_and_only_the_outer_release_frees_it()
    {
        using var dir = new TempDir();
        Assert.True(WriterLock.TryAcquire(dir.Root, "scheduler", out var outer, out _));

        // PipelineRunner taking the lock inside a job that already holds it.
        Assert.True(WriterLock.TryAcquire(dir.Root, "pipeline", out var inner, out _));
        inner!.Dispose();
        Assert.False((await AcquireElsewhere(dir.Root, "other")).Ok); // still held by the outer

        outer!.Dispose();
        var after = await AcquireElsewhere(dir.Root, "other");
        Assert.True(after.Ok);
        after.Lock!.Dispose();
    }

    [Fact]
    public void The_holder_note_names_pid_host_job_and_start_and_goes_away_on_release()
    {
        using var dir = new TempDir();
        Assert.True(WriterLock.TryAcquire(dir.Root, "job housekeeping (housekeeping)", out var held, out _));
        var note = WriterLock.ReadHolder(dir.Root);
        Assert.Contains("'job housekeeping (housekeeping)'", note);
        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", note);
        Assert.Contains($"since {DateTime.UtcNow:yyyy-MM-dd}", note);
        held!.Dispose();
        Assert.Null(WriterLock.ReadHolder(dir.Root));
    }

    [Fact]
    public void Another_process_cannot_take_the_lock_while_we_hold_it()
    {
        using var dir = new TempDir();
        Assert.True(WriterLock.TryAcquire(dir.Root, "test", out var held, out _));
        using (held)
        {
            // flock(1) asks the kernel for the same exclusive lock .NET took for FileShare.None.
            Assert.Equal(1, RunFlock(dir.Root, "-n", "-E", "1", "true"));
        }
        Assert.Equal(0, RunFlock(dir.Root, "-n", "-E", "1", "true"));
    }

    [Fact]
    public async Task A_lock_left_by_a_killed_holder_can_be_taken_again()
    {
        using var dir = new TempDir();
        // -o: only flock itself holds the lock, not the sleep it starts, so killing flock is killing the holder.
        using var holder = StartFlock(dir.Root, "-o", "sleep", "120");
        try
        {
            // Wait until the other process really holds it.
            string? heldBy = null;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var attempt = await AcquireElsewhere(dir.Root, "test");
                if (!attempt.Ok) { heldBy = attempt.HeldBy; break; }
                attempt.Lock!.Dispose();
                await Task.Delay(50);
            }
            Assert.NotNull(heldBy);

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();

            var after = await AcquireElsewhere(dir.Root, "test after kill");
            Assert.True(after.Ok, after.HeldBy);
            after.Lock!.Dispose();
        }
        finally
        {
            if (!holder.HasExited) holder.Kill(entireProcessTree: true);
        }
    }

    private static int RunFlock(string dataDir, params string[] args)
    {
        using var p = StartFlock(dataDir, args);
        p.WaitForExit();
        return p.ExitCode;
    }

    private static Process StartFlock(string dataDir, params string[] args)
    {
        var info = new ProcessStartInfo("flock") { UseShellExecute = false };
        // Options first, then the lock file, then the command.
        var options = args.TakeWhile(a => a.StartsWith('-') || int.TryParse(a, out _)).ToList();
        foreach (var o in options) info.ArgumentList.Add(o);
        info.ArgumentList.Add(Path.Combine(dataDir, WriterLock.FileName));
        foreach (var a in args.Skip(options.Count)) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }
}
