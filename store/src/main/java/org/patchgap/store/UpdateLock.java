package org.patchgap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer at a time per database directory: an OS file lock on {@code .lock}, released when the process
 * ends however it ends, so a killed update never leaves the database locked.
 */
final class UpdateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private UpdateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static UpdateLock acquire(Path directory) throws DatabaseException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new DatabaseException(directory + ": is a file, not a database directory; give --db a directory");
        }
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DatabaseException(directory + ": another update or import is running on this database");
            }
            return new UpdateLock(channel, lock);
        } catch (IOException e) {
            throw new DatabaseException(directory + ": cannot lock the database for writing: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws DatabaseException {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new DatabaseException("cannot release the database lock: " + e.getMessage(), e);
        }
    }
}
