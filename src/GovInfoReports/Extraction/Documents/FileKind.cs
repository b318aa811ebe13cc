using System;
using System.IO;
using System.Runtime.InteropServices;

namespace GovInfoReports.Documents;

/// <summary>What a path names, found without opening it (opening a FIFO blocks until a writer comes; a device never ends).</summary>
internal enum FileKind
{
    /// <summary>A regular file (or the kind could not be told on this system: it is read with a bounded read).</summary>
    Regular,

    /// <summary>A named pipe, a character or block device, or a socket.</summary>
    Special,

    /// <summary>A folder.</summary>
    Directory,
}

/// <summary>Finds a path's <see cref="FileKind"/>: on Linux with statx(2), following symbolic links as an open would.</summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int StatxSize = 256;            // struct statx is the same on every Linux architecture
    private const int ModeOffset = 28;            // its u16 stx_mode
    private const int TypeMask = 0xF000;          // S_IFMT
    private const int RegularType = 0x8000;       // S_IFREG
    private const int DirectoryType = 0x4000;     // S_IFDIR

    private static bool s_unavailable;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux() || s_unavailable)
            return Directory.Exists(path) ? FileKind.Directory : FileKind.Regular;
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                return FileKind.Regular;          // missing or not allowed: the open that follows says which
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;                 // a C library without statx (glibc < 2.28, musl < 1.2.5)
            return Of(path);
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }
}
