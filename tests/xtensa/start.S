// Bare start-up for the core digest on QEMU's Xtensa "sim" machine (de233_fpu core, windowed
// registers): the window exception vectors, a stack, the call into C++ and a semihosting
// call. The vector code is the standard spill and reload of the Xtensa ISA's register windows.
        .section .vectors, "ax"
        .p2align 10
        .global window_vectors
window_vectors:
        // Overflow of a call4 frame (VECBASE + 0x00): save a0..a3 below the caller's sp.
        s32e    a0, a5, -16
        s32e    a1, a5, -12
        s32e    a2, a5, -8
        s32e    a3, a5, -4
        rfwo
        .org    window_vectors + 0x40
        l32e    a0, a5, -16
        l32e    a1, a5, -12
        l32e    a2, a5, -8
        l32e    a3, a5, -4
        rfwu
        .org    window_vectors + 0x80
        // call8 frame: a0..a3 below the caller's sp, a4..a7 below the frame's own end.
        s32e    a0, a9, -16
        l32e    a0, a1, -12
        s32e    a1, a9, -12
        s32e    a2, a9, -8
        s32e    a3, a9, -4
        s32e    a4, a0, -32
        s32e    a5, a0, -28
        s32e    a6, a0, -24
        s32e    a7, a0, -20
        rfwo
        .org    window_vectors + 0xc0
        l32e    a1, a9, -12
        l32e    a0, a9, -16
        l32e    a7, a1, -12
        l32e    a2, a9, -8
        l32e    a4, a7, -32
        l32e    a3, a9, -4
        l32e    a5, a7, -28
        l32e    a6, a7, -24
        l32e    a7, a7, -20
        rfwu
        .org    window_vectors + 0x100
        s32e    a0, a13, -16
        l32e    a0, a1, -12
        s32e    a1, a13, -12
        s32e    a2, a13, -8
        s32e    a3, a13, -4
        s32e    a4, a0, -48
        s32e    a5, a0, -44
        s32e    a6, a0, -40
        s32e    a7, a0, -36
        s32e    a8, a0, -32
        s32e    a9, a0, -28
        s32e    a10, a0, -24
        s32e    a11, a0, -20
        rfwo
        .org    window_vectors + 0x140
        l32e    a1, a13, -12
        l32e    a0, a13, -16
        l32e    a11, a1, -12
        l32e    a2, a13, -8
        l32e    a4, a11, -48
        l32e    a8, a11, -32
        l32e    a3, a13, -4
        l32e    a5, a11, -44
        l32e    a6, a11, -40
        l32e    a7, a11, -36
        l32e    a9, a11, -28
        l32e    a10, a11, -24
        l32e    a11, a11, -20
        rfwu

        // The core starts at its reset vector in the sim machine's ROM, whatever the ELF's
        // entry: from there to _start.
        .section .reset, "ax"
        .global reset
reset:
        j       1f
        .p2align 2
2:      .long   _start
1:      l32r    a0, 2b
        jx      a0

        .section .text.start, "ax"
        .literal_position
        .literal .Lvectors, window_vectors
        .literal .Lstack, stack_top
        .literal .Lps, 0x00040020
        .literal .Lmain, digest_main
        .global _start
        .align  4
_start:
        // One live window (WINDOWBASE 0, WINDOWSTART bit 0), then PS: WOE on, user mode,
        // interrupt level 0.
        l32r    a2, .Lvectors
        wsr     a2, vecbase
        movi    a0, 0
        wsr     a0, windowbase
        rsync
        movi    a2, 1
        wsr     a2, windowstart
        rsync
        l32r    a2, .Lps
        wsr     a2, ps
        rsync
        l32r    a1, .Lstack
        l32r    a8, .Lmain
        callx8  a8
1:      j       1b

        // int sim_call(int nr, int a, int b, int c): QEMU's semihosting (simcall with the
        // call number in a2 and arguments in a3..a5; the result in a2).
        .global sim_call
        .align  4
sim_call:
        entry   a1, 32
        .byte   0x00, 0x51, 0x00  // simcall: llvm-mc does not know the mnemonic
        retw
        .section .note.GNU-stack, "", @progbits
