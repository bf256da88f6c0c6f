namespace ModularGov.Access;

/// <summary>
/// <c>&lt;data directory&gt;/first-start-admin-token</c>: the first start's district-admin token, for the operator to take
/// (and then delete). Created readable and writable by its owner only (0600) from the first byte, never world-readable
/// even briefly; a file left by an earlier first start that did not finish is replaced.
/// </summary>
internal static class FirstStartTokenFile
{
    public const string Name = "first-start-admin-token";

    /// <summary>Writes the secret (the token, one line) to <paramref name="fileName"/> and returns the file's full path.</summary>
    public static string Write(string dataDirectory, string token, string fileName = Name)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, fileName));
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(path, options))
        using (var writer = new StreamWriter(file))
            writer.WriteLine(token);
        return path;
    }
}
