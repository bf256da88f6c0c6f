using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// The personal-data key file: one line per key, <c>&lt;algorithm&gt; &lt;key id&gt; &lt;base64 key&gt;</c>, with
/// <c>#</c> comments. Several keys of one algorithm may be listed (a rotation appends one): the last seals, all open.
/// Made at the first start with a fresh key for each algorithm and mode 0600; after that it is only read.
/// </summary>
internal static partial class KeyFile
{
    private const string Header = """
        # ModularGov personal-data keys (Privacy:KeyFile). Losing this file loses every sealed field: back it up apart from the data.
        # One key a line: <algorithm> <key id> <base64 key>. The last key of the configured algorithm seals; every key here opens.
        """;

    /// <summary>The keys in <paramref name="path"/>; when it does not exist and <paramref name="create"/>, a new file first.</summary>
    /// <exception cref="KeyFileException">The file is malformed, missing (and not to be created), or unreadable.</exception>
    public static IReadOnlyList<FieldKey> ReadOrCreate(string path, bool create, IReadOnlyList<IFieldAlgorithm> algorithms)
    {
        if (!File.Exists(path))
        {
            if (!create)
                throw new KeyFileException(path, null, "不存在 (it does not exist): every silo of a cluster must hold the same key file, so it is not made here; " +
                    "write one line per algorithm, e.g. 'aes-gcm k1 <base64 of 32 random bytes>' and 'sm4-gcm k2 <base64 of 16 random bytes>' (openssl rand -base64 32), and copy it to every silo");
            Create(path, algorithms);
        }
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(path, null, $"无法读取 (it cannot be read): {e.GetType().Name}");
        }
        return Parse(path, lines, algorithms);
    }

    private static List<FieldKey> Parse(string path, string[] lines, IReadOnlyList<IFieldAlgorithm> algorithms)
    {
        var keys = new List<FieldKey>();
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var number = i + 1;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
                throw new KeyFileException(path, number, $"expected '<algorithm> <key id> <base64 key>', found {fields.Length} fields");
            // No field is ever repeated in a message: a line written in the wrong order would put the key there.
            var algorithm = algorithms.FirstOrDefault(a => a.Name == fields[0])
                ?? throw new KeyFileException(path, number, $"the first field is not an algorithm ({string.Join(", ", algorithms.Select(a => a.Name))})");
            if (!IsKeyId(fields[1]))
                throw new KeyFileException(path, number, "the key id must be 1 to 32 letters, digits, '-' or '_'");
            if (idLines.TryGetValue(fields[1], out var earlier))
                throw new KeyFileException(path, number, $"the key id is already used on line {earlier}");
            var material = new byte[algorithm.KeyBytes];
            if (!Convert.TryFromBase64String(fields[2], material, out var length) || length != algorithm.KeyBytes)
                throw new KeyFileException(path, number, $"the key must be {algorithm.KeyBytes} bytes in base64 for {algorithm.Name}");
            idLines[fields[1]] = number;
            keys.Add(new FieldKey(algorithm.Name, fields[1], material));
        }
        return keys;
    }

    /// <summary>Written whole to a private temporary file, then moved into place unless another start got there first.</summary>
    private static void Create(string path, IReadOnlyList<IFieldAlgorithm> algorithms)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var algorithm in algorithms)
            text.Append(algorithm.Name).Append(' ').Append(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)))
                .Append(' ').Append(Convert.ToBase64String(RandomNumberGenerator.GetBytes(algorithm.KeyBytes))).Append('\n');
        var folder = Path.GetDirectoryName(path)!;
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(folder);
            else
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            // Created 0600 rather than changed after: the key is never readable by others, not even for a moment.
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.ASCII.GetBytes(text.ToString()));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new KeyFileException(path, null, $"无法创建 (it cannot be created): {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Whether <paramref name="id"/> can name a key: 1 to 32 letters, digits, '-' or '_' (never a '.', which separates a sealed value's parts).</summary>
    public static bool IsKeyId(string id) => KeyId().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}
