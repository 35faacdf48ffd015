using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;

namespace Monitoring.DataDir.Operations;

/// <summary>
/// The one-writer-at-a-time lock on a data directory: DATA_DIR/.writer.lock opened with
/// FileShare.None (on Linux .NET takes an exclusive flock, so the kernel drops it when the holder
/// dies — a killed run never leaves a stale lock). Who holds it is written to the side file
/// DATA_DIR/.writer.lock.holder, because the lock file itself cannot be opened by anyone else while held.
/// </summary>
/// <remarks>
/// Reentrant within one logical flow: a caller that already holds the lock (for example a scheduled
/// job that then calls PipelineRunner, which takes it too) gets a nested handle whose Dispose does
/// not release. Another flow of the same process is refused, exactly like another process.
/// </remarks>
public sealed class WriterLock : IDisposable
{
    public const string FileName = ".writer.lock";
    public const string HolderFileName = ".writer.lock.holder";

    // Per process: which lock files this process holds, and which ones the current async flow owns.
    private static readonly object Gate = new();
    private static readonly Dictionary<string, Held> HeldHere = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<ImmutableHashSet<string>?> OwnedByFlow = new();

    private readonly string _path;
    private readonly bool _nested;
    private bool _disposed;

    private WriterLock(string path, bool nested) { _path = path; _nested = nested; }

    /// <summary>
    /// Takes the lock, or answers false with <paramref name="heldBy"/> saying who holds it.
    /// Never waits: a writer that finds the lock held should fail its run (and be retried) rather than queue.
    /// </summary>
    public static bool TryAcquire(string dataDir, string holderDescription, out WriterLock? writerLock, out string? heldBy)
    {
        Directory.CreateDirectory(dataDir);
        var path = new DataDirectory(dataDir).WriterLockFile;
        writerLock = null;
        heldBy = null;
        lock (Gate)
        {
            if (HeldHere.TryGetValue(path, out var held))
            {
                if (OwnedByFlow.Value?.Contains(path) == true)
                {
                    held.Depth++;
                    writerLock = new WriterLock(path, nested: true);
                    return true;
                }
                heldBy = held.Description + " (in this process)";
                return false;
            }

            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (!CannotWrite(e))
            {
                heldBy = ReadHolder(dataDir) ?? "another process (it left no holder note)";
                return false;
            }

            var info = new HolderInfo(Environment.ProcessId, Environment.MachineName, holderDescription, DateTimeOffset.UtcNow);
            var text = info.ToString();
            // Also written into the lock file, for whoever inspects it after the holder is gone.
            stream.SetLength(0);
            var bytes = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(info) + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            File.WriteAllText(HolderPath(path), JsonSerializer.Serialize(info) + "\n");

            HeldHere[path] = new Held(stream, text);
            OwnedByFlow.Value = (OwnedByFlow.Value ?? ImmutableHashSet<string>.Empty).Add(path);
            writerLock = new WriterLock(path, nested: false);
            return true;
        }
    }

    /// <summary>
    /// The lock file cannot be created or opened because DATA_DIR is read-only or full — not because
    /// someone holds it: that failure goes to the caller as it is, to be reported as what it is.
    /// </summary>
    private static bool CannotWrite(IOException e) =>
        (e.HResult & 0xFFFF) is 28 or 30 or 122 // ENOSPC, EROFS, EDQUOT
        || e.Message.Contains("read-only file system", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("no space left", StringComparison.OrdinalIgnoreCase);

    /// <summary>Who holds the lock of a data directory according to its holder note, or null when none is written.</summary>
    public static string? ReadHolder(string dataDir)
    {
        var file = new DataDirectory(dataDir).WriterLockHolderFile;
        try
        {
            var info = JsonSerializer.Deserialize<HolderInfo>(File.ReadAllText(file));
            return info?.ToString();
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (Gate)
        {
            if (!HeldHere.TryGetValue(_path, out var held)) return;
            if (_nested) { held.Depth--; return; }
            // The note goes first, so a new holder's note is never deleted by the old holder.
            try { File.Delete(HolderPath(_path)); } catch (IOException) { }
            held.Stream.Dispose();
            HeldHere.Remove(_path);
            if (OwnedByFlow.Value is { } owned) OwnedByFlow.Value = owned.Remove(_path);
        }
    }

    private static string HolderPath(string lockPath) => new DataDirectory(Path.GetDirectoryName(lockPath)!).WriterLockHolderFile;

    private sealed class Held(FileStream stream, string description)
    {
        public FileStream Stream { get; } = stream;
        public string Description { get; } = description;
        public int Depth { get; set; }
    }

    private sealed record HolderInfo(int Pid, string Host, string Job, DateTimeOffset StartedAt)
    {
        public override string ToString() => $"'{Job}' (pid {Pid} on {Host}, since {StartedAt:yyyy-MM-dd HH:mm:ss}Z)";
    }
}
