fn main() {
    // Linker settings for a Node addon (on macOS: Node's symbols resolve at load time).
    napi_build::setup();
}
