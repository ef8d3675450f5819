import Foundation

/// Reading case folders: the files in them and the folders themselves.
enum FixtureFile {
    /// The file's UTF-8 text, or nil when the folder has no such file. A body keeps a leading
    /// byte order mark, as `readInput` explains.
    static func read(_ directory: URL, _ file: String, isBody: Bool = false) throws(FixtureError) -> String? {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError("cannot read \(url.path)")
        }
        guard let text = utf8Text(data, keepingByteOrderMark: isBody) else {
            throw FixtureError("\(url.path) is not UTF-8")
        }
        return text
    }

    /// Every folder under `root` that holds `marker`, named relative to `root`, sorted by name.
    static func caseFolders(under root: URL, holding marker: String) throws(FixtureError) -> [(directory: URL, name: String)] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw FixtureError("cannot read the folder \(root.path)")
        }
        let rootPath = root.standardizedFileURL.path
        var folders: [(directory: URL, name: String)] = []
        for case let url as URL in enumerator where url.lastPathComponent == marker {
            let directory = url.deletingLastPathComponent().standardizedFileURL
            var name = String(directory.path.dropFirst(rootPath.count))
            while name.hasPrefix("/") { name.removeFirst() }
            folders.append((directory, name.isEmpty ? directory.lastPathComponent : name))
        }
        return folders.sorted { $0.name < $1.name }
    }
}
