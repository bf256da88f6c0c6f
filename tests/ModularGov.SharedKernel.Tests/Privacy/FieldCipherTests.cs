using System.Buffers.Text;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Tests.Privacy;

public sealed class FieldCipherTests : IDisposable
{
    private const string Resident = "张伟,北京市朝阳区建国路88号,身份证11010519491231002X";

    private readonly DataDirectory _data = new(Path.Combine(Path.GetTempPath(), "modulargov-tests", Guid.NewGuid().ToString("N")[..12]));

    public FieldCipherTests() => Directory.CreateDirectory(_data.Path);

    public void Dispose() => Directory.Delete(_data.Path, recursive: true);

    private FieldCipher Cipher(string algorithm = FieldCiphers.AesGcm) => FieldCipher.Load(new PrivacyOptions { Cipher = algorithm }, _data);

    private string KeyFilePath => new PrivacyOptions().KeyFilePath(_data);

    [Theory]
    [InlineData(FieldCiphers.AesGcm)]
    [InlineData(FieldCiphers.Sm4Gcm)]
    public void Chinese_text_comes_back_as_it_was_sealed(string algorithm)
    {
        var cipher = Cipher(algorithm);
        var sealedText = cipher.Seal(Resident);
        sealedText.ShouldStartWith($"v1.{algorithm}.");
        sealedText.ShouldNotContain("张伟");
        cipher.Open(sealedText).ShouldBe(Resident);
        cipher.Open(cipher.Seal("")).ShouldBe("");
    }

    [Theory]
    [InlineData(FieldCiphers.AesGcm)]
    [InlineData(FieldCiphers.Sm4Gcm)]
    public void The_same_text_sealed_twice_gives_two_values(string algorithm)
    {
        var cipher = Cipher(algorithm);
        cipher.Seal(Resident).ShouldNotBe(cipher.Seal(Resident));
    }

    [Theory]
    [InlineData(FieldCiphers.AesGcm)]
    [InlineData(FieldCiphers.Sm4Gcm)]
    public void A_value_changed_after_sealing_does_not_open_and_the_message_holds_none_of_it(string algorithm)
    {
        var cipher = Cipher(algorithm);
        var parts = cipher.Seal(Resident).Split('.');
        var blob = Base64Url.DecodeFromChars(parts[3]);
        blob[blob.Length / 2] ^= 0x01;
        var tampered = string.Join('.', parts[0], parts[1], parts[2], Base64Url.EncodeToString(blob));

        var refused = Should.Throw<SealedValueException>(() => cipher.Open(tampered));
        refused.Message.ShouldContain("changed after sealing");
        refused.Message.ShouldNotContain("张伟");
        refused.Message.ShouldNotContain(parts[3][..8]);
    }

    [Fact]
    public void A_foreign_or_malformed_value_is_refused_for_what_it_is()
    {
        var cipher = Cipher();
        Should.Throw<SealedValueException>(() => cipher.Open("13812345678")).Message.ShouldContain("not a sealed value");
        Should.Throw<SealedValueException>(() => cipher.Open("v1.des-cbc.k1.AAAA")).Message.ShouldContain("algorithm");
        Should.Throw<SealedValueException>(() => cipher.Open("v1.aes-gcm.other.AAAA")).Message.ShouldContain("key 'other'");
        Should.Throw<SealedValueException>(() => cipher.Open(cipher.Seal(Resident)[..^1] + "*")).Message.ShouldContain("base64url");

        var elsewhere = new DataDirectory(Path.Combine(_data.Path, "another-district"));
        var foreign = FieldCipher.Load(new PrivacyOptions(), elsewhere).Seal(Resident);
        Should.Throw<SealedValueException>(() => cipher.Open(foreign));
    }

    [Fact]
    public void A_value_sealed_with_SM4_opens_after_the_district_switches_to_AES()
    {
        var sealedWithSm4 = Cipher(FieldCiphers.Sm4Gcm).Seal(Resident);
        var aes = Cipher(FieldCiphers.AesGcm);
        aes.Algorithm.ShouldBe(FieldCiphers.AesGcm);
        aes.Open(sealedWithSm4).ShouldBe(Resident);
        aes.Seal(Resident).ShouldStartWith("v1.aes-gcm.");
    }

    [Fact]
    public void The_key_file_is_made_private_at_the_first_start_and_read_at_the_next()
    {
        var first = Cipher();
        File.Exists(KeyFilePath).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(KeyFilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var written = File.ReadAllText(KeyFilePath);
        var sealedText = first.Seal(Resident);

        Cipher().Open(sealedText).ShouldBe(Resident);
        File.ReadAllText(KeyFilePath).ShouldBe(written);
        var keyLines = File.ReadAllLines(KeyFilePath).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')[0]).ToList();
        keyLines.ShouldBe([FieldCiphers.AesGcm, FieldCiphers.Sm4Gcm]);
        Directory.GetFiles(Path.GetDirectoryName(KeyFilePath)!).Length.ShouldBe(1);
    }

    [Fact]
    public void A_malformed_key_file_is_refused_naming_the_file_and_line_but_no_key()
    {
        Cipher();
        var lines = File.ReadAllLines(KeyFilePath);
        var sm4Line = Array.FindIndex(lines, l => l.StartsWith(FieldCiphers.Sm4Gcm, StringComparison.Ordinal));
        var key = lines[sm4Line].Split(' ')[2];
        lines[sm4Line] = $"{FieldCiphers.Sm4Gcm} k9 {key[..^4]}";
        File.WriteAllLines(KeyFilePath, lines);

        var refused = Should.Throw<KeyFileException>(() => Cipher());
        refused.Message.ShouldContain(KeyFilePath);
        refused.Message.ShouldContain($"line {sm4Line + 1}");
        refused.Line.ShouldBe(sm4Line + 1);
        refused.Message.ShouldNotContain(key[..8]);
    }

    [Fact]
    public void A_key_written_in_the_wrong_order_is_not_repeated_in_the_refusal()
    {
        var key = Convert.ToBase64String(new byte[32]);
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
        File.WriteAllLines(KeyFilePath, ["# keys", "", $"{key} aes-gcm k1"]);

        var refused = Should.Throw<KeyFileException>(() => Cipher());
        refused.Line.ShouldBe(3);
        refused.Message.ShouldNotContain(key);
    }

    [Fact]
    public void A_key_file_without_the_configured_algorithm_or_a_missing_one_in_a_cluster_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
        File.WriteAllLines(KeyFilePath, [$"aes-gcm k1 {Convert.ToBase64String(new byte[32])}"]);
        Should.Throw<KeyFileException>(() => Cipher(FieldCiphers.Sm4Gcm)).Message.ShouldContain("no sm4-gcm key");

        var cluster = new DataDirectory(Path.Combine(_data.Path, "silo2"));
        Should.Throw<KeyFileException>(() => FieldCipher.Load(new PrivacyOptions(), cluster, createKeyFile: false)).Message.ShouldContain("does not exist");
        Directory.Exists(cluster.Path).ShouldBeFalse();
    }

    [Fact]
    public void The_last_key_of_an_algorithm_seals_and_every_key_opens()
    {
        var old = Cipher();
        var sealedWithOld = old.Seal(Resident);
        File.AppendAllLines(KeyFilePath, [$"aes-gcm rotated {Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}"]);

        var rotated = Cipher();
        rotated.Seal(Resident).ShouldStartWith("v1.aes-gcm.rotated.");
        rotated.Open(sealedWithOld).ShouldBe(Resident);
    }

    [Fact]
    public void A_relative_key_file_lives_under_the_data_directory_and_an_absolute_one_where_it_says()
    {
        new PrivacyOptions().KeyFilePath(_data).ShouldBe(Path.Combine(_data.Path, "keys", "personal-data.key"));
        var mounted = Path.Combine(_data.Path, "run", "secrets", "personal-data.key");
        new PrivacyOptions { KeyFile = mounted }.KeyFilePath(new DataDirectory("/elsewhere")).ShouldBe(mounted);
    }
}
