"""Packs the `vinsnap` Python package, with the native module the workspace build made, into a
wheel, so the docs tests install it with pip as a user installs the package, without compiling
the SDK a second time (maturin would).

usage: python3 wheel.py PACKAGE_ROOT OUT_DIR    (PACKAGE_ROOT: sdk-bindings/python)
prints the wheel's path.
"""
import base64
import hashlib
import os
import sys
import sysconfig
import tomllib
import zipfile

root, out_dir = sys.argv[1], sys.argv[2]
with open(os.path.join(root, "pyproject.toml"), "rb") as f:
    project = tomllib.load(f)["project"]
name, version = project["name"], project["version"]
source = os.path.join(root, "python")
package = os.path.join(source, name)
native = [f for f in os.listdir(package) if f.startswith("_native") and f.endswith(".so")]
if not native:
    sys.exit(f"{package} has no native module: copy the workspace build's lib_native.so in as _native.abi3.so (scripts/test does)")

# The wheel maturin builds for this machine: abi3 for CPython >= 3.10 (pyproject's floor).
platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
tag = f"cp310-abi3-{platform}"
dist_info = f"{name}-{version}.dist-info"
wheel = os.path.join(out_dir, f"{name}-{version}-{tag}.whl")


def digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


os.makedirs(out_dir, exist_ok=True)
record = []
with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
    def add(arcname: str, data: bytes) -> None:
        z.writestr(arcname, data)
        record.append(f"{arcname},{digest(data)},{len(data)}")

    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for filename in sorted(filenames):
            path = os.path.join(dirpath, filename)
            with open(path, "rb") as f:
                add(os.path.relpath(path, source).replace(os.sep, "/"), f.read())
    add(f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nRequires-Python: {project['requires-python']}\n".encode())
    add(f"{dist_info}/WHEEL", f"Wheel-Version: 1.0\nGenerator: vinsnap-docs-tests\nRoot-Is-Purelib: false\nTag: {tag}\n".encode())
    record.append(f"{dist_info}/RECORD,,")
    z.writestr(f"{dist_info}/RECORD", "\n".join(record) + "\n")
print(wheel)
