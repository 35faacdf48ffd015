using System.Diagnostics;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// A real, small file system (tmpfs) mounted for one test, to make a disk full or read-only for the
/// process under test — chmod is no use when tests run as root. Needs the right to mount (root in CI);
/// <see cref="TryMount"/> says why not otherwise, and the test skips with that message.
/// </summary>
public sealed class TinyFileSystem : IDisposable
{
    public string Path { get; }

    TinyFileSystem(string path) { Path = path; }

    public static TinyFileSystem? TryMount(string path, long bytes, bool readOnly, out string? whyNot)
    {
        Directory.CreateDirectory(path);
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0777{(readOnly ? ",ro" : "")}", "tmpfs", path);
        whyNot = exit == 0 ? null : $"cannot mount a tmpfs here (mount exit {exit}: {output.Trim()}); run the tests as root to check a full or read-only DATA_DIR";
        return exit == 0 ? new TinyFileSystem(path) : null;
    }

    /// <summary>Makes the mounted file system read-only from now on (what an operator's mistake or a failing disk does).</summary>
    public void RemountReadOnly()
    {
        var (exit, output) = Run("mount", "-o", "remount,ro", Path);
        Assert.True(exit == 0, output);
    }

    static (int, string) Run(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e) { return (-1, e.Message); }
    }

    public void Dispose()
    {
        for (var i = 0; i < 20 && Run("umount", Path).Item1 != 0; i++) Thread.Sleep(250);
    }
}
