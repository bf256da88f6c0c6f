namespace ModularGov.SharedKernel.Privacy;

/// <summary>The personal-data key file cannot be used; the message names the file (and the line), never key material.</summary>
public sealed class KeyFileException(string path, int? line, string reason)
    : Exception($"个人信息密钥文件不可用 (the personal-data key file cannot be used): {path}{(line is { } n ? $" line {n}" : "")}: {reason}")
{
    public string Path { get; } = path;

    /// <summary>The 1-based line at fault, or null when the file as a whole is.</summary>
    public int? Line { get; } = line;
}
