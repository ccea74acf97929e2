//! Links the web app's wasm with its relocations kept (`--emit-relocs`), which wasm-split
//! needs to cut it into lazily loaded chunks (scripts/bin/wasm-bindgen). Only that binary
//! and only for wasm32: the formats worker is not split, and wasm-opt cannot optimize a
//! module that still carries its linking sections (the worker grew from 1.3 to 3.9 MB).

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=model-card-studio=--emit-relocs");
    }
}
