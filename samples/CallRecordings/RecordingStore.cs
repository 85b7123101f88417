using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CallRecordings
{
    /// <summary>The recordings folder: one .wav per call, flat, millions of files.</summary>
    public sealed class RecordingStore
    {
        public RecordingStore(string root)
        {
            Root = root;
            Directory.CreateDirectory(root);
        }

        public string Root { get; }

        // MISTAKE: the file name IS the caller's phone number (a direct identifier) plus the call time,
        // so the directory listing alone tells who called a medical advice line, and when.
        // MISTAKE: the number comes straight from the URL, unvalidated, into a file-system path; nothing
        // stops "..", separators or wildcards from reaching Path.Combine and the search pattern below.
        public string PathFor(string phone, DateTimeOffset startedAt) =>
            Path.Combine(Root, $"{phone}_{startedAt:yyyy-MM-dd'T'HH-mm}.wav");

        public async Task<string> SaveAsync(string phone, Stream audio, DateTimeOffset startedAt, CancellationToken cancellationToken)
        {
            var path = PathFor(phone, startedAt);
            // MISTAKE: stored unencrypted at rest and kept forever; no retention period, no deletion job.
            await using var file = File.Create(path);
            await audio.CopyToAsync(file, cancellationToken);
            return path;
        }

        public string? FindLatest(string phone) =>
            Directory.EnumerateFiles(Root, phone + "_*.wav")
                .OrderByDescending(path => path, StringComparer.Ordinal)
                .FirstOrDefault();
    }
}
