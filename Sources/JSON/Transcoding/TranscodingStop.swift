/// Why a transcoding attempt ended early. Either way nothing it wrote is used.
enum TranscodingStop: Error {
    /// Input the transcoder leaves to the tree parser: anything the parser rejects, and the
    /// permissive or unusual forms not reproduced here (see `TranscodingPass`).
    case unsupported
    /// The output outgrew the space reserved for it; a retry with more room may succeed.
    case outputFull
}
