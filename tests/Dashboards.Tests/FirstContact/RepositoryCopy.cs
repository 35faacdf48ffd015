using System.Diagnostics;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// A clean copy of the repository as a new user gets it: the committed files of HEAD (`git archive HEAD`), nothing
/// built, no node_modules, no .data. Without git (a source tarball), the working tree minus what the build makes.
/// </summary>
public static class RepositoryCopy
{
    public static string Make(string repoRoot, string into)
    {
        Directory.CreateDirectory(into);
        if (Run("bash", ["-c", "git -C \"$0\" archive --format=tar HEAD | tar -x -C \"$1\"", repoRoot, into], out var error))
            return into;
        if (Directory.Exists(Path.Combine(repoRoot, ".git"))) throw new InvalidOperationException("git archive failed: " + error);
        CopyTree(new DirectoryInfo(repoRoot), new DirectoryInfo(into));
        return into;
    }

    private static readonly HashSet<string> Skipped = ["bin", "obj", "node_modules", ".data", "artifacts", "TestResults", ".bench", ".git"];

    private static void CopyTree(DirectoryInfo from, DirectoryInfo to)
    {
        to.Create();
        foreach (var f in from.GetFiles()) f.CopyTo(Path.Combine(to.FullName, f.Name));
        foreach (var d in from.GetDirectories().Where(d => !Skipped.Contains(d.Name)))
            CopyTree(d, new DirectoryInfo(Path.Combine(to.FullName, d.Name)));
    }

    private static bool Run(string file, string[] args, out string error)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
