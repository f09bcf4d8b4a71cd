package org.benchtarget.db;

import java.util.List;

/** SHA-256 (hex) of the UTF-8 body of test rows 1..10, as README publishes them. */
public final class PublishedDigests {
    public static final List<String> ROWS = List.of(
            "af334fff13c39405ae447df7019754850d9f2e5d6fd23a69bd19291c6fb99609",
            "54dd0af580390ef1d013134a7eb97e2768ea0d0d224fe7eb2f6c578185e5face",
            "bd439857bf95b0e395f39fb88e7ff61aa6b838fa1ae1bb5def1eef24966c47e9",
            "f18b8796ac005d12fd6a9bafa0287358cc2d3644e53336c015930be1eb1a2a83",
            "5e15d856bb8f56d7f27032f197327af39950335fa63713f9682a789660c55a01",
            "4a129c0233750dbcc5c95865696c9f9388fa83dd3893ca3464b49907c1a1f618",
            "e983b0be2dd413d65111530e3da1e73d2fffa3f45f6ea6ba10bb94faa9ff1c4f",
            "5aea58852b5a058517200ca2558c787091c3aba0a4bee2447e6f0249ee5faeda",
            "4c3ad5cf490c608c37f8be238f9f60bc5efcaa7bcfa95fc496cefe3494da56cb",
            "46e502b3e6a8898b08ea1104a01c73784545777d9046b5c6f96f402ecfab576b");

    private PublishedDigests() {
    }
}
